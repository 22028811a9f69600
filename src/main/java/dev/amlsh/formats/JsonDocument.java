package dev.amlsh.formats;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SourceLocation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON text read with Jackson's streaming parser into plain, unmodifiable values (ordered maps, lists,
 * strings, {@code Long}/{@code BigDecimal}, booleans, null) while remembering where each value
 * starts, keyed by its JSON pointer, so that a problem found later still names its line and
 * column. Duplicate keys are errors.
 */
record JsonDocument(Path source, String text, Object root, Map<String, int[]> positions) {

    private static final JsonFactory FACTORY = new JsonFactory();

    static JsonDocument parse(Path source, String text) {
        if (text.isBlank()) {
            throw AmlshException.inFile(source, "is empty: expected a JSON object");
        }
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            JsonDocument partial = new JsonDocument(source, text, null, positions);
            Object root = partial.value(parser, first, "");
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw partial.at(parser.currentTokenLocation(), "unexpected content after the JSON value");
            }
            return new JsonDocument(source, text, root, positions);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String problem = e.getOriginalMessage();
            int cut = problem.indexOf('\n');
            problem = "invalid JSON: " + (cut < 0 ? problem : problem.substring(0, cut));
            if (where == null || where.getLineNr() <= 0) {
                throw AmlshException.inFile(source, problem);
            }
            throw new JsonDocument(source, text, null, positions).at(where, problem);
        }
    }

    private Object value(JsonParser parser, JsonToken token, String pointer) {
        TokenStreamLocation where = parser.currentTokenLocation();
        positions.put(pointer, new int[] {where.getLineNr(), where.getColumnNr()});
        if (token == null) {
            throw at(where, "unexpected end of the JSON text");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    TokenStreamLocation keyAt = parser.currentTokenLocation();
                    if (map.containsKey(key)) {
                        throw at(keyAt, "duplicate key '" + key + "'");
                    }
                    String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    map.put(key, value(parser, parser.nextToken(), child));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t, pointer + "/" + list.size()));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(parser.getString())
                        : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw at(where, "unexpected JSON token " + token);
        }
    }

    /** A problem at the value a JSON pointer names (or the whole file when unknown). */
    AmlshException problem(String pointer, String message) {
        int[] pos = positions.get(pointer);
        if (pos == null) {
            return AmlshException.inFile(source, message);
        }
        return new AmlshException(message, SourceLocation.of(source, pos[0], pos[1], line(pos[0])));
    }

    private AmlshException at(TokenStreamLocation where, String message) {
        int line = Math.max(where.getLineNr(), 0);
        int column = line == 0 ? 0 : Math.max(where.getColumnNr(), 0);
        return new AmlshException(message, SourceLocation.of(source, line, column, line == 0 ? null : line(line)));
    }

    private String line(int number) {
        List<String> lines = text.lines().toList();
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }
}
