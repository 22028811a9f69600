package dev.amlsh.workspace.sqlite;

import dev.amlsh.formats.EnvironmentJson;
import dev.amlsh.formats.Secrets;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * How the store keeps a definition: the SDK v1 JSON in the service form of
 * {@link EnvironmentJson} (camelCase keys in the SDK's order, {@code python.condaDependencies}
 * inline), written compact on one line, so that {@code sqlite3 default.amlsh "select
 * json_extract(definition, '$.docker.baseImage') from versions"} works. Registry passwords never
 * reach the file: the store keeps only {@link #PASSWORD_SET}, the SDK's own mask, and reads that back.
 */
public final class DefinitionJson {

    /** What the store keeps of a registry password: that one was set. */
    public static final String PASSWORD_SET = "***";

    private static final EnvironmentJson.Options STORED =
            EnvironmentJson.Options.service().withSecrets(Secrets.MASK);

    /** jackson-core only: reading (EnvironmentJson) and writing never load jackson-databind. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private DefinitionJson() {}

    /** The environment with a registry password replaced by {@link #PASSWORD_SET}: what the store keeps. */
    public static Environment withoutSecrets(Environment env) {
        ContainerRegistry registry = env.docker().baseImageRegistry();
        if (registry.password() == null || registry.password().equals(PASSWORD_SET)) {
            return env;
        }
        return env.withDocker(env.docker()
                .withRegistry(new ContainerRegistry(
                        registry.address(), registry.username(), PASSWORD_SET, registry.registryIdentity())));
    }

    /** The stored text; a password, if any, is written as {@link #PASSWORD_SET}. */
    public static String write(Environment env) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            value(g, EnvironmentJson.toTree(env, STORED));
        }
        return out.toString();
    }

    /**
     * Writes the plain values of {@link EnvironmentJson#toTree}: ordered maps, lists, strings, numbers, booleans, null.
     */
    private static void value(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Double || value instanceof Float) {
            g.writeNumber(((Number) value).doubleValue());
        } else {
            g.writeString(value.toString());
        }
    }

    /**
     * The digest of a definition as registration compares it ({@link Environment#sameDefinitionAs}:
     * name, version, asset id and the conda file's written form left out), stored beside each
     * version and draft so that {@code env list} tells a changed draft without parsing either: the
     * SHA-256 of the stored JSON with every object's keys sorted (maps compare regardless of order).
     */
    public static String digest(Environment env) {
        Environment definition = withoutSecrets(env).definition().withCondaFile(null);
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            value(g, sorted(EnvironmentJson.toTree(definition, STORED)));
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DefinitionJson::sorted).toList();
        }
        return value;
    }

    /** Reads a stored definition; {@code row} names it in messages. */
    public static Environment read(String row, String json) {
        return EnvironmentJson.read(row, json);
    }
}
