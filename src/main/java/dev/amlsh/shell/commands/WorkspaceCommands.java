package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.WORKSPACE;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.Table;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceCatalog.WorkspaceInfo;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.postgres.PostgresLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** {@code workspace show|list|use|create|delete|export|import}: where environments live. */
public final class WorkspaceCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command("workspace show", WORKSPACE, "Show the workspace in use")
                                .example("workspace show")
                                .build(),
                        this::show),
                new AmlshCommand(
                        command("workspace list", WORKSPACE, "List the workspaces")
                                .example("workspace list")
                                .build(),
                        this::list),
                new AmlshCommand(
                        command(
                                        "workspace set-default-image",
                                        WORKSPACE,
                                        "Set the base image new environments get in the workspace in use")
                                .arg("IMAGE", Completion.CURATED_IMAGE)
                                .description("Environments created afterwards without --base-image or --dockerfile "
                                        + "get it (amlsh's\n"
                                        + "default is " + SdkRelease.DEFAULT_BASE_IMAGE
                                        + "). Drafts and versions keep theirs.")
                                .example("workspace set-default-image "
                                        + "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1")
                                .build(),
                        this::setDefaultImage),
                new AmlshCommand(
                        command("workspace use", WORKSPACE, "Make a workspace the current one (remembered)")
                                .arg("NAME|PATH|URL", Completion.WORKSPACE)
                                .description("PATH (a value with '/') is a workspace file, such as one handed out "
                                        + "for a course;\n"
                                        + "URL a team workspace's postgresql://[USER@]HOST[:PORT]/DB[?schema=S]. "
                                        + "Either must open\n"
                                        + "(a server's login from the URL's user, PGUSER, PGPASSWORD, "
                                        + "~/.pgpass).")
                                .example("workspace use course")
                                .example("workspace use ./course.amlsh")
                                .build(),
                        this::use),
                new AmlshCommand(
                        command("workspace create", WORKSPACE, "Create a workspace")
                                .arg("NAME", Completion.NONE)
                                .description("With postgresql://[USER@]HOST[:PORT]/DB[?schema=S], a team workspace on "
                                        + "a server:\n"
                                        + "its tables go into that schema (made when missing); versions "
                                        + "are shared, drafts\n"
                                        + "belong to each database user (or --as-user NAME).")
                                .example("workspace create course")
                                .example("workspace create postgresql://alice@db.example.org/team?schema=course")
                                .build(),
                        this::create),
                new AmlshCommand(
                        command("workspace delete", WORKSPACE, "Delete a workspace and everything in it")
                                .arg("NAME", Completion.WORKSPACE)
                                .flag("--yes", "confirm: the environments in it are gone")
                                .example("workspace delete scratch --yes")
                                .build(),
                        this::delete),
                new AmlshCommand(
                        command("workspace export", WORKSPACE, "Copy the workspace in use into a new file")
                                .arg("FILE", Completion.FILE)
                                .description("From a team workspace on a server too: the copy is a workspace file with"
                                        + " every version\n"
                                        + "(creation times, labels, archive states), your drafts and the default base"
                                        + " image.")
                                .example("workspace export course.amlsh")
                                .build(),
                        this::export),
                new AmlshCommand(
                        command("workspace import", WORKSPACE, "Load a workspace file into a new workspace")
                                .arg("FILE", Completion.FILE)
                                .option(
                                        "--into",
                                        "NAME|URL",
                                        "the workspace to make (default: the file's name without .amlsh)",
                                        Completion.NONE)
                                .description("Every version comes along with its creation time, labels and archive"
                                        + " state, and the\n"
                                        + "drafts and the default base image too. A local NAME must be new; a"
                                        + " postgresql:// URL\n"
                                        + "is made when missing, else it must be empty (the drafts become yours)."
                                        + " The file is\n"
                                        + "only read.")
                                .example("workspace import course.amlsh")
                                .example("workspace import course.amlsh --into postgresql://alice@db.example.org/team"
                                        + "?schema=course")
                                .build(),
                        this::importFile));
    }

    /** {@code workspace show}: one labelled line per field for people. */
    record Shown(
            String name,
            String file,
            boolean current,
            boolean readOnly,
            String defaultBaseImage,
            int drafts,
            int environments)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            Table.labelled()
                    .row("name:", name)
                    .row("file:", file)
                    .row("current:", current)
                    .row("readOnly:", readOnly)
                    .row("defaultBaseImage:", defaultBaseImage)
                    .row("drafts:", drafts)
                    .row("environments:", environments)
                    .print(out);
        }
    }

    /** {@code workspace set-default-image}: the image before and after. */
    record DefaultImageSet(String name, String defaultBaseImage, String previous, boolean changed)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println(
                    changed
                            ? "set the default base image of workspace " + name + " to " + defaultBaseImage + " (was "
                                    + previous + ")"
                            : "workspace " + name + " already has default base image " + defaultBaseImage);
        }
    }

    /** One workspace in {@code workspace list}. */
    record Row(String name, boolean current, String file, long sizeBytes) {}

    /** {@code workspace list}: a table for people, an array for machines. */
    record Listed(@JsonValue List<Row> workspaces) implements CommandResult {
        Listed {
            workspaces = List.copyOf(workspaces);
        }

        @Override
        public void printText(PrintWriter out) {
            Table table = Table.of("NAME", "CURRENT", "BYTES", "FILE");
            workspaces.forEach(w -> table.row(w.name(), w.current() ? "*" : "", w.sizeBytes(), w.file()));
            table.print(out);
        }
    }

    /** {@code workspace use}. */
    record Used(String current) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("using workspace " + current);
        }
    }

    /** {@code workspace create}. */
    record Created(String name, String file) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("created workspace " + name + (file == null ? "" : " (" + file + ")"));
        }
    }

    /** {@code workspace delete}. */
    record Deleted(String deleted) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("deleted workspace " + deleted);
        }
    }

    /** {@code workspace export}. */
    record Exported(String file) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("exported the workspace to " + file);
        }
    }

    /** {@code workspace import}: where it went and what it holds. */
    record Imported(String workspace, String file, String from, int names, int versions, int drafts)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("imported " + from + " into workspace " + workspace + ": " + count(names, "name") + ", "
                    + count(versions, "version") + ", " + count(drafts, "draft"));
        }

        private static String count(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    private CommandResult show(Call call) {
        WorkspaceStore store = call.workspace().store();
        String selector = call.session().workspaceSelector();
        String current = call.session().catalog().current();
        if (selector != null && isFile(selector)) {
            // a workspace file outside $AMLSH_HOME (--workspace ./course.amlsh): named by its file
            return shown(call, store, selector, selector.equals(current));
        }
        Optional<WorkspaceInfo> info = call.session().catalog().list().stream()
                .filter(w -> w.name().equals(store.name()))
                .findFirst();
        if (info.isEmpty() && selector == null && isFile(current)) {
            return shown(call, store, current, true);
        }
        return shown(
                call,
                store,
                info.map(i -> i.file().toString()).orElse(null),
                info.map(WorkspaceInfo::current).orElse(false));
    }

    /** A selector that names a file: it has a '/' and is neither {@code :temp:} nor a server URL. */
    private static boolean isFile(String selector) {
        return selector.contains("/")
                && !selector.equals(WorkspaceCatalog.TEMPORARY)
                && !PostgresLocation.isUrl(selector);
    }

    private static Shown shown(Call call, WorkspaceStore store, String file, boolean current) {
        return new Shown(
                store.name(),
                file,
                current,
                call.session().readOnly(),
                store.defaultBaseImage(),
                store.drafts().size(),
                store.names(true).size());
    }

    private CommandResult setDefaultImage(Call call) {
        WorkspaceStore store = call.workspace().store();
        String image = call.arg(0).strip();
        if (image.isEmpty()) {
            throw new UsageException("the default base image cannot be empty", "workspace set-default-image");
        }
        String previous = store.defaultBaseImage();
        if (!image.equals(previous)) {
            store.setDefaultBaseImage(image);
        }
        return new DefaultImageSet(store.name(), image, previous, !image.equals(previous));
    }

    private CommandResult list(Call call) {
        return new Listed(call.session().catalog().list().stream()
                .map(w -> new Row(w.name(), w.current(), w.file().toString(), w.sizeBytes()))
                .toList());
    }

    private CommandResult use(Call call) {
        String selector = call.session().workspacePath(call.arg(0)); // ./course.amlsh: the file, wherever amlsh runs
        call.session().catalog().use(selector);
        call.session().useWorkspace(selector);
        return new Used(selector);
    }

    private CommandResult create(Call call) {
        WorkspaceInfo w = call.session().catalog().create(call.session().workspacePath(call.arg(0)));
        return new Created(w.name(), w.file() == null ? null : w.file().toString()); // null: a workspace on a server
    }

    private CommandResult delete(Call call) {
        String name = call.arg(0);
        if (!call.flag("--yes")) {
            throw new UsageException(
                    "deleting workspace " + name + " deletes every environment in it: add --yes", "workspace delete");
        }
        if (name.equals(call.session().catalog().current())) {
            throw new AmlshException("workspace " + name + " is the current one: 'workspace use' another first");
        }
        call.session().closeWorkspace(); // SQLite keeps the file open until then
        call.session().catalog().delete(name);
        return new Deleted(name);
    }

    private CommandResult export(Call call) {
        var file = call.path(call.arg(0));
        if (Files.isDirectory(file)) {
            throw AmlshException.inFile(file, "is a folder: name a new file for the copy");
        }
        OutputPaths.requireFolder(file.getParent());
        call.session().catalog().export(call.session().workspaceSelector(), file);
        return new Exported(file.toString());
    }

    private CommandResult importFile(Call call) {
        var file = call.path(call.arg(0));
        String into = call.option("--into").orElse(null);
        if (into != null && into.indexOf('/') >= 0 && !PostgresLocation.isUrl(into.strip())) {
            into = call.path(into).toString(); // a file, relative to where amlsh runs
        }
        var imported = call.session().catalog().importFile(file, into);
        var content = imported.content();
        return new Imported(
                imported.workspace(),
                imported.file() == null ? null : imported.file().toString(),
                call.displayPath(file),
                content.names().size(),
                content.versionCount(),
                content.drafts().size());
    }
}
