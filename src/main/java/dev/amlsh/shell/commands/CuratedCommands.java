package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.CURATED;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.BaseImageCatalog.BaseImage;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.Table;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code curated list|show}: the Azure ML base images amlsh knows (its bundled table), with the
 * digest Azure ML pins where a public source shows it. Not Azure ML's curated environments
 * ({@code AzureML-*}): amlsh works offline and does not have their definitions.
 */
public final class CuratedCommands implements CommandSet {

    private static final String SCOPE = "Azure ML base images amlsh knows (not the AzureML-* curated environments,"
            + " whose definitions amlsh does not have offline)";

    private final BaseImageCatalog catalog;

    public CuratedCommands(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("curated list", CURATED, "List the Azure ML base images amlsh knows")
                        .description(SCOPE + ".").example("curated list").build(), this::list),
                new AmlshCommand(command("curated show", CURATED, "Show one known base image and its pinned digest")
                        .arg("IMAGE", Completion.CURATED_IMAGE)
                        .example("curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1").build(),
                        this::show));
    }

    /** One known base image: its digest where a public source shows one, and the FROM line that pins it. */
    record ImageRow(String image, String digest, String from, String note) {}

    /** {@code curated list}: the scope in a comment line, then a table, for people; an array for machines. */
    record Listed(@JsonValue List<ImageRow> images) implements CommandResult {
        Listed {
            images = List.copyOf(images);
        }

        @Override
        public void printText(PrintWriter out) {
            out.println("# " + SCOPE);
            Table table = Table.of("IMAGE", "DIGEST", "NOTE");
            images.forEach(i -> table.row(i.image(), i.digest() != null ? "pinned" : "-", i.note()));
            table.print(out);
        }
    }

    /** {@code curated show}. */
    record Shown(String image, String digest, String from, String note) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            Table.labelled().row("image:", image)
                    .row("digest:", digest != null ? digest : "- (not publicly known: FROM uses the tag)")
                    .row("FROM:", from).row("note:", note).print(out);
        }
    }

    private CommandResult list(Call call) {
        return new Listed(catalog.all().stream().map(this::row).toList());
    }

    private CommandResult show(Call call) {
        BaseImage image = catalog.find(call.arg(0)).orElseThrow(() -> new AmlshException("amlsh does not know the image '"
                + call.arg(0) + "' ('curated list' shows those it knows; any other image is used as given)"));
        ImageRow row = row(image);
        return new Shown(row.image(), row.digest(), row.from(), row.note());
    }

    private ImageRow row(BaseImage image) {
        return new ImageRow(image.image(), image.digest().orElse(null), catalog.pinned(image.image()), image.note());
    }
}
