package dev.amlsh.conda.roundtrip;

import java.util.List;

/**
 * A node of a round-trip document, holding its comments in the places ruamel.yaml 0.17.4 keeps
 * them ({@code ca.items} of its collections): a value's end-of-line comment and the lines after
 * it belong to the value before them; comments before a collection's first item belong to that
 * item. Removing an item removes its comments; appending puts the new item after them.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Seq, YamlNode.Map {

    /** YAML 1.2 core types, as ruamel's round-trip loader resolves plain scalars. */
    enum Kind {
        STR,
        INT,
        FLOAT,
        BOOL,
        NULL,
        TIMESTAMP
    }

    /**
     * A scalar: its value, its YAML 1.2 type and, for a non-string, the text ruamel writes for it
     * (ruamel keeps an int's leading zeros and underscores, a float's spelling).
     */
    record Scalar(String value, Kind kind, String text) implements YamlNode {

        public static Scalar string(String value) {
            return new Scalar(value, Kind.STR, value);
        }

        public static Scalar nullValue() {
            return new Scalar(null, Kind.NULL, "");
        }

        /** The value as a string, as the SDK's plain data holds it (null stays null). */
        public String asText() {
            return kind == Kind.STR ? value : kind == Kind.NULL ? null : value;
        }
    }

    /** One item of a sequence: the value, the comment lines before it, the comment after it. */
    record Item(YamlNode value, List<CommentToken> pre, CommentToken post) {
        public Item {
            pre = List.copyOf(pre);
        }

        public static Item of(YamlNode value) {
            return new Item(value, List.of(), null);
        }

        public Item withValue(YamlNode newValue) {
            return new Item(newValue, pre, post);
        }
    }

    /**
     * One key of a mapping: the value; the comment after the value, or after the key's colon when
     * the value is a block collection (ruamel's slot 2); the comment lines before the value's
     * first key (slot 3); the comment lines before this key (slot 1).
     */
    record Entry(String key, YamlNode value, CommentToken post, List<CommentToken> pre, List<CommentToken> keyPre) {
        public Entry {
            pre = List.copyOf(pre);
            keyPre = List.copyOf(keyPre);
        }

        public Entry(String key, YamlNode value, CommentToken post, List<CommentToken> pre) {
            this(key, value, post, pre, List.of());
        }

        public static Entry of(String key, YamlNode value) {
            return new Entry(key, value, null, List.of(), List.of());
        }

        public Entry withValue(YamlNode newValue) {
            return new Entry(key, newValue, post, pre, keyPre);
        }
    }

    /** A sequence; {@code flow} for {@code [a, b]}. */
    record Seq(List<Item> items, boolean flow) implements YamlNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /**
     * A mapping in key order; {@code pre} holds the comments before its first key (a file's head),
     * {@code end} the comments at the end of the document that no value took.
     */
    record Map(List<Entry> entries, boolean flow, List<CommentToken> pre, List<CommentToken> end) implements YamlNode {
        public Map {
            entries = List.copyOf(entries);
            pre = List.copyOf(pre);
            end = List.copyOf(end);
        }

        public Map(List<Entry> entries, boolean flow, List<CommentToken> pre) {
            this(entries, flow, pre, List.of());
        }

        public Entry entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
        }
    }
}
