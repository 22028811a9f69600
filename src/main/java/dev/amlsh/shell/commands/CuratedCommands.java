package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.CURATED;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.formats.CuratedEnvironments;
import dev.amlsh.formats.CuratedEnvironments.Curated;
import dev.amlsh.formats.OutputJson;
import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.BaseImageCatalog.BaseImage;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.EnvironmentText;
import dev.amlsh.shell.render.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
                new AmlshCommand(command("curated list", CURATED, "List the curated environments amlsh ships")
                        .description("A small real set from each era: 2020 conda specs on the SDK image, 2021 base\n"
                                + "Dockerfiles, 2022+ azureml-assets build contexts. A version is the date of the public\n"
                                + "source the files come from. Use one with env create NAME --from curated:NAME[:VERSION].")
                        .example("curated list").build(), this::list),
                new AmlshCommand(command("curated images", CURATED, "List the Azure ML base images amlsh knows")
                        .description(IMAGES_SCOPE + ".").example("curated images").build(), this::images),
                new AmlshCommand(command("curated show", CURATED, "Show a curated environment (NAME[:VERSION]) or a base image")
                        .arg("NAME|IMAGE", Completion.CURATED_IMAGE)
                        .example("curated show sklearn-1.0")
                        .example("curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1").build(),
                        this::show));
    }

    private void list(Call call) {
        List<Curated> all = CuratedEnvironments.bundled().all();
        List<Map<String, Object>> view = new ArrayList<>();
        all.forEach(c -> view.add(summary(c)));
        call.print(view, out -> {
            Table table = Table.of("NAME", "VERSION", "KIND", "SOURCE");
            for (Curated c : all) {
                table.row(c.name(), c.version(), c.kind().text(), c.source());
            }
            table.print(out);
        });
    }

    private void images(Call call) {
        List<Map<String, Object>> view = new ArrayList<>();
        catalog.all().forEach(image -> view.add(view(image)));
        call.print(view, out -> {
            out.println("# " + IMAGES_SCOPE);
            Table table = Table.of("IMAGE", "DIGEST", "NOTE");
            for (BaseImage image : catalog.all()) {
                table.row(image.image(), image.digest().isPresent() ? "pinned" : "-", image.note());
            }
            table.print(out);
        });
    }

    /** An image when the catalog knows the reference or it names a registry path, else an environment. */
    private void show(Call call) {
        String what = call.arg(0);
        Optional<BaseImage> image = catalog.find(what);
        if (image.isPresent() || what.contains("/")) {
            BaseImage known = image.orElseThrow(() -> new AmlshException("amlsh does not know the image '" + what
                    + "' ('curated images' shows those it knows; any other image is used as given)"));
            call.print(view(known), out -> Table.labelled().row("image:", known.image())
                    .row("digest:", known.digest().orElse("- (not publicly known: FROM uses the tag)"))
                    .row("FROM:", catalog.pinned(known.image())).row("note:", known.note()).print(out));
            return;
        }
        CuratedEnvironments curated = CuratedEnvironments.bundled();
        Curated c = curated.require(what);
        Map<String, Object> view = summary(c);
        view.put("versions", curated.versions(c.name()));
        view.put("description", c.description() != null ? c.description() : c.environment().metadata().description());
        view.put("tokens", c.tokens());
        view.put("files", new ArrayList<>(c.files().keySet()));
        view.put("definition", OutputJson.environment(c.environment()));
        call.print(view, out -> {
            Table rows = Table.labelled().row("kind:", c.kind().text()).row("source:", c.source())
                    .row("versions:", String.join(", ", curated.versions(c.name())));
            if (c.description() != null) {
                rows.row("description:", c.description());
            }
            c.tokens().forEach((token, value) -> rows.row("token:", token + " = " + value));
            rows.print(out);
            EnvironmentText.print(out, c.environment());
        });
    }

    private static Map<String, Object> summary(Curated c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("version", c.version());
        m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("source", c.source());
        return m;
    }

    private Map<String, Object> view(BaseImage image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image.image());
        m.put("digest", image.digest().orElse(null));
        m.put("from", catalog.pinned(image.image()));
        m.put("note", image.note());
        return m;
    }
}
