package dev.amlsh.workspace.postgres;

import dev.amlsh.model.AmlshException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a team workspace lives: {@code postgresql://[USER@]HOST[:PORT]/DB[?schema=S]}, the
 * libpq URL form cut down to what amlsh needs. A password in the URL is refused: it would
 * land in shell history and in process listings; it comes from {@code PGPASSWORD} or
 * {@code ~/.pgpass} (see {@link PostgresCredentials}).
 *
 * @param user the URL's user, or null (then {@code PGUSER}, then the login name)
 * @param port the URL's port, or null (then {@code PGPORT}, then 5432)
 * @param schema the PostgreSQL schema holding the workspace's tables ({@code public} unless told)
 */
public record PostgresLocation(String user, String host, Integer port, String database, String schema) {

    public static final String PREFIX = "postgresql://";
    private static final String ALIAS = "postgres://";

    private static final Pattern URL = Pattern.compile(
            "(?:(?<userinfo>[^@/?]*)@)?(?<host>\\[[0-9A-Fa-f:.]+\\]|[^:/?@\\[\\]]+)(?::(?<port>[^/?]*))?"
                    + "/(?<db>[^/?]+)(?:\\?(?<query>.*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** Whether a {@code --workspace} value is a server URL (checked before "a value with / is a file"). */
    public static boolean isUrl(String selector) {
        if (selector == null) {
            return false;
        }
        String s = selector.strip().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith(PREFIX) || s.startsWith(ALIAS);
    }

    public static PostgresLocation parse(String url) {
        String s = url.strip();
        String rest;
        if (s.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            rest = s.substring(PREFIX.length());
        } else if (s.regionMatches(true, 0, ALIAS, 0, ALIAS.length())) {
            rest = s.substring(ALIAS.length());
        } else {
            throw new AmlshException("not a PostgreSQL URL: " + s + " (postgresql://[USER@]HOST[:PORT]/DB[?schema=S])");
        }
        Matcher m = URL.matcher(rest);
        if (!m.matches()) {
            throw new AmlshException("'" + redact(s) + "' is not a PostgreSQL workspace URL: use"
                    + " postgresql://[USER@]HOST[:PORT]/DB[?schema=S]");
        }
        String userinfo = m.group("userinfo");
        if (userinfo != null && userinfo.contains(":")) {
            throw new AmlshException("a password is never accepted on the command line (it would stay in history):"
                    + " put it in ~/.pgpass (HOST:PORT:DB:USER:PASSWORD, mode 0600) or PGPASSWORD");
        }
        String user = userinfo == null || userinfo.isEmpty() ? null : decode(userinfo);
        String host = m.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        Integer port = null;
        String p = m.group("port");
        if (p != null && !p.isEmpty()) {
            port = parsePort(p, "in " + s);
        }
        String database = decode(m.group("db"));
        String schema = "public";
        String query = m.group("query");
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("schema")) {
                    schema = value;
                } else if (key.equals("password")) {
                    throw new AmlshException("a password is never accepted on the command line (it would stay in"
                            + " history): put it in ~/.pgpass (HOST:PORT:DB:USER:PASSWORD, mode 0600) or PGPASSWORD");
                } else {
                    throw new AmlshException(
                            "unknown option '" + key + "' in " + s + ": a workspace URL takes only" + " ?schema=NAME");
                }
            }
        }
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new AmlshException("'" + schema + "' is not a schema amlsh uses: letters, digits and _ (at most 63),"
                    + " starting with a letter or _");
        }
        return new PostgresLocation(user, host, port, database, schema);
    }

    static int parsePort(String p, String where) {
        try {
            int port = Integer.parseInt(p);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new AmlshException("'" + p + "' is not a port " + where + " (1-65535)");
    }

    /** The URL as amlsh shows it: the workspace's name in {@code workspace show} and messages. */
    public String display() {
        StringBuilder b = new StringBuilder(PREFIX);
        if (user != null) {
            b.append(URLEncoder.encode(user, StandardCharsets.UTF_8)).append('@');
        }
        b.append(host.contains(":") ? "[" + host + "]" : host);
        if (port != null) {
            b.append(':').append(port);
        }
        b.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        if (!schema.equals("public")) {
            b.append("?schema=").append(schema);
        }
        return b.toString();
    }

    /** The port to connect to: the URL's, else {@code PGPORT}, else 5432. */
    public int effectivePort(Map<String, String> env) {
        if (port != null) {
            return port;
        }
        String p = env.get("PGPORT");
        return p == null || p.isBlank() ? 5432 : parsePort(p.strip(), "in PGPORT");
    }

    /** The pgjdbc URL; {@code currentSchema} is the URL's {@code ?schema=}. */
    String jdbcUrl(int effectivePort) {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + effectivePort + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + "?currentSchema=" + schema;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL as it may be shown in an error: any password part dropped. */
    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }
}
