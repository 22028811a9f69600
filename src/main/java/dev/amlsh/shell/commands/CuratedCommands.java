package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.CURATED;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.BaseImageCatalog.BaseImage;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private void list(Call call) {
        List<Map<String, Object>> view = new ArrayList<>();
        catalog.all().forEach(image -> view.add(view(image)));
        call.print(view, out -> {
            out.println("# " + SCOPE);
            Table table = Table.of("IMAGE", "DIGEST", "NOTE");
            for (BaseImage image : catalog.all()) {
                table.row(image.image(), image.digest().isPresent() ? "pinned" : "-", image.note());
            }
            table.print(out);
        });
    }

    private void show(Call call) {
        BaseImage image = catalog.find(call.arg(0)).orElseThrow(() -> new AmlshException("amlsh does not know the image '"
                + call.arg(0) + "' ('curated list' shows those it knows; any other image is used as given)"));
        Map<String, Object> view = view(image);
        call.print(view, out -> {
            Table.labelled().row("image:", image.image())
                    .row("digest:", image.digest().orElse("- (not publicly known: FROM uses the tag)"))
                    .row("FROM:", catalog.pinned(image.image())).row("note:", image.note()).print(out);
        });
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
