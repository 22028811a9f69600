package dev.amlsh.workspace.sqlite;

import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process for the concurrency and crash tests: edits its own draft and registers it
 * under a shared name, {@code count} times (0: until killed), the store-API form of
 * {@code env edit DRAFT ...; env register DRAFT --as NAME}. Prints {@code ready}, waits for the
 * go file (so that both writers start together), then one line per registration
 * ({@code registered VERSION created|kept}), then {@code done}.
 */
public final class RegisterLoop {

    private RegisterLoop() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String name = args[1];
        String writer = args[2];
        int count = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, writer, false, Clock.systemUTC())) {
            Workspace workspace = new Workspace(store);
            String draft = "draft-" + writer;
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            for (int i = 1; count == 0 || i <= count; i++) {
                store.saveDraft(Definitions.numbered(draft, writer, i));
                Registration r = workspace.register(draft, null, name);
                System.out.println("registered " + r.version().version() + (r.created() ? " created" : " kept"));
                System.out.flush();
            }
        }
        System.out.println("done");
    }
}
