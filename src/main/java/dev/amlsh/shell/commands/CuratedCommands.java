package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.CURATED;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.formats.CuratedEnvironments;
import dev.amlsh.formats.CuratedEnvironments.Curated;
import dev.amlsh.formats.OutputJson;
import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.BaseImageCatalog.BaseImage;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.EnvironmentText;
import dev.amlsh.shell.render.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code curated list|images|show}: the curated environments amlsh ships (a small real set from
 * each era Azure ML published them in, see {@link CuratedEnvironments}) and the Azure ML base
 * images it knows, with the digest Azure ML pins where a public build log shows it.
 */
public final class CuratedCommands implements CommandSet {

    private static final String IMAGES_SCOPE = "Azure ML base images amlsh knows; a digest where a public Azure ML"
            + " source shows it (FROM pins it); any other image is used as given";

    private final BaseImageCatalog catalog;

    public CuratedCommands(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command("curated list", CURATED, "List the curated environments amlsh ships")
                                .description(
                                        "A small real set from each era: 2020 conda specs on the SDK image, 2021 base\n"
                                                + "Dockerfiles, 2022+ azureml-assets build contexts. A version "
                                                + "is the date of the public\n"
                                                + "source the files come from. Use one with env create NAME "
                                                + "--from curated:NAME[:VERSION].")
                                .example("curated list")
                                .build(),
                        this::list),
                new AmlshCommand(
                        command("curated images", CURATED, "List the Azure ML base images amlsh knows")
                                .description(IMAGES_SCOPE + ".")
                                .example("curated images")
                                .build(),
                        this::images),
                new AmlshCommand(
                        command("curated show", CURATED, "Show a curated environment (NAME[:VERSION]) or a base image")
                                .arg("NAME|IMAGE", Completion.CURATED_IMAGE)
                                .example("curated show sklearn-1.0")
                                .example(
                                        "curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1")
                                .build(),
                        this::show));
    }

    /** One curated environment at one version, and where it comes from. */
    record CuratedRow(
            String name,
            String version,
            String kind,
            String source,
            @JsonIgnore String kindText) {}

    /** {@code curated list}: a table for people, an array for machines. */
    record CuratedListed(@JsonValue List<CuratedRow> environments) implements CommandResult {
        CuratedListed {
            environments = List.copyOf(environments);
        }

        @Override
        public void printText(PrintWriter out) {
            Table table = Table.of("NAME", "VERSION", "KIND", "SOURCE");
            environments.forEach(c -> table.row(c.name(), c.version(), c.kindText(), c.source()));
            table.print(out);
        }
    }

    /** One known base image: its digest where a public source shows one, and the FROM line that pins it. */
    record ImageRow(String image, String digest, String from, String note) {}

    /** {@code curated images}: the scope in a comment line, then a table; an array for machines. */
    record ImagesListed(@JsonValue List<ImageRow> images) implements CommandResult {
        ImagesListed {
            images = List.copyOf(images);
        }

        @Override
        public void printText(PrintWriter out) {
            out.println("# " + IMAGES_SCOPE);
            Table table = Table.of("IMAGE", "DIGEST", "NOTE");
            images.forEach(i -> table.row(i.image(), i.digest() != null ? "pinned" : "-", i.note()));
            table.print(out);
        }
    }

    /** {@code curated show IMAGE}. */
    record ImageShown(String image, String digest, String from, String note) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            Table.labelled()
                    .row("image:", image)
                    .row("digest:", digest != null ? digest : "- (not publicly known: FROM uses the tag)")
                    .row("FROM:", from)
                    .row("note:", note)
                    .print(out);
        }
    }

    /** {@code curated show NAME[:VERSION]}: where it comes from, the token values used, and the definition. */
    record CuratedShown(
            String name,
            String version,
            String kind,
            String source,
            List<String> versions,
            String description,
            Map<String, String> tokens,
            List<String> files,
            Map<String, Object> definition,
            @JsonIgnore String kindText,
            @JsonIgnore String sourceDescription,
            @JsonIgnore Environment environment)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            Table rows = Table.labelled()
                    .row("kind:", kindText)
                    .row("source:", source)
                    .row("versions:", String.join(", ", versions));
            if (sourceDescription != null) {
                rows.row("description:", sourceDescription);
            }
            tokens.forEach((token, value) -> rows.row("token:", token + " = " + value));
            rows.print(out);
            EnvironmentText.print(out, environment);
        }
    }

    private CommandResult list(Call call) {
        return new CuratedListed(CuratedEnvironments.bundled().all().stream()
                .map(CuratedCommands::row)
                .toList());
    }

    private CommandResult images(Call call) {
        return new ImagesListed(catalog.all().stream().map(this::row).toList());
    }

    /** An image when the catalog knows the reference or it names a registry path, else an environment. */
    private CommandResult show(Call call) {
        String what = call.arg(0);
        Optional<BaseImage> image = catalog.find(what);
        if (image.isPresent() || what.contains("/")) {
            BaseImage known = image.orElseThrow(() -> new AmlshException("amlsh does not know the image '" + what
                    + "' ('curated images' shows those it knows; any other image is used as given)"));
            ImageRow row = row(known);
            return new ImageShown(row.image(), row.digest(), row.from(), row.note());
        }
        CuratedEnvironments curated = CuratedEnvironments.bundled();
        Curated c = curated.require(what);
        CuratedRow row = row(c);
        String description = c.description() != null
                ? c.description()
                : c.environment().metadata().description();
        return new CuratedShown(
                c.name(),
                c.version(),
                row.kind(),
                c.source(),
                curated.versions(c.name()),
                description,
                c.tokens(),
                List.copyOf(c.files().keySet()),
                OutputJson.environment(c.environment()),
                row.kindText(),
                c.description(),
                c.environment());
    }

    private static CuratedRow row(Curated c) {
        return new CuratedRow(
                c.name(),
                c.version(),
                c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                c.source(),
                c.kind().text());
    }

    private ImageRow row(BaseImage image) {
        return new ImageRow(image.image(), image.digest().orElse(null), catalog.pinned(image.image()), image.note());
    }
}
