package dev.amlsh.workspace.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who amlsh logs in as, and with which password, following libpq's rules (PostgreSQL manual,
 * "Environment Variables" and "The Password File"): the user is the URL's, else {@code PGUSER},
 * else the login name; the password is {@code PGPASSWORD}, else the first matching line of
 * {@code PGPASSFILE} or {@code ~/.pgpass} ({@code host:port:db:user:password}, {@code *} matches
 * anything, {@code \} escapes {@code :} and {@code \}), a file ignored when group or others can
 * read it.
 *
 * <p>amlsh resolves these itself because pgjdbc 42.7 does not: it reads none of {@code PGUSER},
 * {@code PGPASSWORD}, {@code PGHOST}, {@code PGPORT}, and its {@code .pgpass} lookup reads the
 * process environment only and does not check the file's permissions. The password is handed to
 * the driver and never printed.
 *
 * @param passwordSource where the password came from, for the message when the login is refused
 */
public record PostgresCredentials(String user, String password, String passwordSource) {

    @Override
    public String toString() { // a record prints its fields: never the password
        return "PostgresCredentials[user=" + user + ", password "
                + (password == null ? "none" : "from " + passwordSource) + "]";
    }

    public static PostgresCredentials resolve(PostgresLocation location, Map<String, String> env) {
        String user = location.user() != null
                ? location.user()
                : nonBlank(env.get("PGUSER")) != null ? env.get("PGUSER").strip() : System.getProperty("user.name");
        String envPassword = env.get("PGPASSWORD");
        if (envPassword != null && !envPassword.isEmpty()) {
            return new PostgresCredentials(user, envPassword, "PGPASSWORD");
        }
        Path file = passFile(env);
        if (file == null || !Files.isRegularFile(file)) {
            return new PostgresCredentials(
                    user, null, "no password (no PGPASSWORD, no " + (file == null ? "~/.pgpass" : file) + ")");
        }
        if (groupOrOthersCanRead(file)) {
            return new PostgresCredentials(
                    user,
                    null,
                    "no password: " + file + " was ignored because group or others can read it (chmod 600 it)");
        }
        String port = Integer.toString(location.effectivePort(env));
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String password = match(line, List.of(location.host(), port, location.database(), user));
                if (password != null) {
                    return new PostgresCredentials(user, password, file.toString());
                }
            }
        } catch (IOException e) {
            return new PostgresCredentials(
                    user, null, "no password: " + file + " cannot be read (" + e.getMessage() + ")");
        }
        return new PostgresCredentials(
                user,
                null,
                "no password (no line of " + file + " matches " + location.host() + ":" + port + ":"
                        + location.database() + ":" + user + ")");
    }

    private static Path passFile(Map<String, String> env) {
        String explicit = nonBlank(env.get("PGPASSFILE"));
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = nonBlank(env.get("HOME"));
        if (home == null) {
            home = System.getProperty("user.home");
        }
        return home == null ? null : Path.of(home, ".pgpass");
    }

    private static boolean groupOrOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ)
                    || p.contains(PosixFilePermission.OTHERS_READ)
                    || p.contains(PosixFilePermission.GROUP_WRITE)
                    || p.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // no POSIX permissions here (libpq does not check them on Windows either)
        }
    }

    /** The password of a {@code .pgpass} line whose first four fields match, else null. */
    static String match(String line, List<String> wanted) {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        int i = 0;
        for (String value : wanted) {
            StringBuilder field = new StringBuilder();
            boolean end = false;
            while (i < line.length()) {
                char c = line.charAt(i++);
                if (c == '\\' && i < line.length()) {
                    field.append(line.charAt(i++));
                } else if (c == ':') {
                    end = true;
                    break;
                } else {
                    field.append(c);
                }
            }
            if (!end) {
                return null; // fewer than five fields
            }
            String f = field.toString();
            if (!f.equals("*") && !f.equals(value)) {
                return null;
            }
        }
        StringBuilder password = new StringBuilder();
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '\\' && i < line.length()) {
                password.append(line.charAt(i++));
            } else if (c == ':') {
                break;
            } else {
                password.append(c);
            }
        }
        return password.toString();
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
