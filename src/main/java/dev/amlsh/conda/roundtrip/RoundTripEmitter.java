package dev.amlsh.conda.roundtrip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes a round-trip document as ruamel.yaml 0.17.4's {@code round_trip_dump(data, stream)}
 * does with its defaults (what azureml-core's {@code serialize_to_string} calls): indent 2, a
 * sequence's dash at its parent key's column ({@code block_seq_indent} 0), width 80, unicode
 * written as is, {@code \n} line ends. The state machine follows ruamel's {@code Emitter} (itself
 * PyYAML's) for the parts a conda file uses: block and flow collections, plain, single- and
 * double-quoted scalars with their folding at the width, and the comment tokens it keeps.
 */
final class RoundTripEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    enum Type {
        SCALAR,
        SEQ_START,
        SEQ_END,
        MAP_START,
        MAP_END
    }

    /** An event with ruamel's comment slots: {@code post} is slot 0, {@code pre} slot 1. */
    record Event(
            Type type,
            YamlNode.Scalar scalar,
            boolean implicitPlain,
            boolean flow,
            int items,
            CommentToken post,
            List<CommentToken> pre) {}

    private enum State {
        FIRST_DOCUMENT,
        DOCUMENT_END,
        FIRST_FLOW_SEQ_ITEM,
        FLOW_SEQ_ITEM,
        FIRST_FLOW_MAP_KEY,
        FLOW_MAP_KEY,
        FLOW_MAP_SIMPLE_VALUE,
        FLOW_MAP_VALUE,
        FIRST_BLOCK_SEQ_ITEM,
        BLOCK_SEQ_ITEM,
        FIRST_BLOCK_MAP_KEY,
        BLOCK_MAP_KEY,
        BLOCK_MAP_SIMPLE_VALUE,
        BLOCK_MAP_VALUE,
        NOTHING
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Event> events;
    private int next;
    private Event event;
    private State state = State.FIRST_DOCUMENT;
    private final Deque<State> states = new ArrayDeque<>();
    private final List<int[]> indents = new ArrayList<>(); // {indent or -1 for None, seq ? 1 : 0}
    private Integer indent;
    private final List<Character> flowContext = new ArrayList<>();
    private boolean rootContext;
    private boolean sequenceContext;
    private boolean mappingContext;
    private boolean simpleKeyContext;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean noNewline;
    private ScalarAnalysis analysis;
    private Character style; // null: not chosen; '\0' plain

    private RoundTripEmitter(List<Event> events) {
        this.events = events;
    }

    static String emit(List<Event> events) {
        RoundTripEmitter emitter = new RoundTripEmitter(events);
        for (Event e : events) {
            emitter.event = e;
            emitter.next++;
            emitter.step();
        }
        // DocumentEnd: write_indent; the stream ends there
        emitter.writeIndent();
        return emitter.out.toString();
    }

    private Event peek() {
        return next < events.size() ? events.get(next) : null;
    }

    private void step() {
        switch (state) {
            case FIRST_DOCUMENT -> {
                states.push(State.DOCUMENT_END);
                expectNode(true, false, false, false);
            }
            case FIRST_FLOW_SEQ_ITEM -> expectFirstFlowSequenceItem();
            case FLOW_SEQ_ITEM -> expectFlowSequenceItem();
            case FIRST_FLOW_MAP_KEY -> expectFlowMappingKey(true);
            case FLOW_MAP_KEY -> expectFlowMappingKey(false);
            case FLOW_MAP_SIMPLE_VALUE -> {
                writeIndicator(":", false, false, false);
                states.push(State.FLOW_MAP_KEY);
                expectNode(false, false, true, false);
            }
            case FLOW_MAP_VALUE -> {
                if (column > BEST_WIDTH) {
                    writeIndent();
                }
                writeIndicator(":", true, false, false);
                states.push(State.FLOW_MAP_KEY);
                expectNode(false, false, true, false);
            }
            case FIRST_BLOCK_SEQ_ITEM -> expectBlockSequenceItem(true);
            case BLOCK_SEQ_ITEM -> expectBlockSequenceItem(false);
            case FIRST_BLOCK_MAP_KEY -> expectBlockMappingKey(true);
            case BLOCK_MAP_KEY -> expectBlockMappingKey(false);
            case BLOCK_MAP_SIMPLE_VALUE -> {
                writeIndicator(":", false, false, false);
                states.push(State.BLOCK_MAP_KEY);
                expectNode(false, false, true, false);
            }
            case BLOCK_MAP_VALUE -> {
                writeIndent();
                writeIndicator(":", true, false, true);
                states.push(State.BLOCK_MAP_KEY);
                expectNode(false, false, true, false);
            }
            case DOCUMENT_END, NOTHING -> throw new IllegalStateException("unexpected event " + event.type());
        }
    }

    private void expectNode(boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
        rootContext = root;
        sequenceContext = sequence;
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        switch (event.type()) {
            case SCALAR -> {
                increaseIndent(true, null, false);
                processScalar();
                indent = popIndent();
                state = states.pop();
            }
            case SEQ_START -> {
                boolean i2 = indention;
                if (event.post() != null || event.pre() != null) {
                    if (!event.flow() && event.post() != null) {
                        if (writePostComment(event)) {
                            indention = false;
                            noNewline = true;
                        }
                    }
                    if (writePreComment(event)) {
                        indention = i2;
                        noNewline = !indention;
                    }
                }
                if (!flowContext.isEmpty() || event.flow() || checkEmptySequence()) {
                    expectFlowSequence();
                } else {
                    expectBlockSequence();
                }
            }
            case MAP_START -> {
                if (!event.flow() && event.post() != null) {
                    writePostComment(event);
                }
                if (event.pre() != null && !event.pre().isEmpty()) {
                    writePreComment(event);
                }
                if (!flowContext.isEmpty() || event.flow() || checkEmptyMapping()) {
                    expectFlowMapping();
                } else {
                    expectBlockMapping();
                }
            }
            default -> throw new IllegalStateException("expected a node, got " + event.type());
        }
    }

    private void increaseIndent(boolean flow, Boolean sequence, boolean indentless) {
        indents.add(new int[] {indent == null ? -1 : indent, sequence != null && sequence ? 1 : 0});
        if (indent == null) {
            indent = flow ? null : Integer.valueOf(0); // requested_indent is None for the SDK's dump
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private Integer popIndent() {
        int value = indents.remove(indents.size() - 1)[0];
        return value < 0 ? null : value;
    }

    private int seqFlowAlign() {
        if (indents.size() < 2 || indents.get(indents.size() - 1)[1] == 0) {
            return 0;
        }
        int base = Math.max(indents.get(indents.size() - 1)[0], 0);
        return base + BEST_INDENT - column - 1;
    }

    // flow sequences

    private void expectFlowSequence() {
        int ind = seqFlowAlign();
        writeIndicator(" ".repeat(Math.max(ind, 0)) + "[", true, true, false);
        increaseIndent(true, true, false);
        flowContext.add('[');
        state = State.FIRST_FLOW_SEQ_ITEM;
    }

    private void expectFirstFlowSequenceItem() {
        if (event.type() == Type.SEQ_END) {
            indent = popIndent();
            flowContext.remove(flowContext.size() - 1);
            writeIndicator("]", false, false, false);
            if (event.post() != null) {
                writePostComment(event);
            } else if (flowContext.isEmpty()) {
                writeLineBreak();
            }
            state = states.pop();
        } else {
            if (column > BEST_WIDTH) {
                writeIndent();
            }
            states.push(State.FLOW_SEQ_ITEM);
            expectNode(false, true, false, false);
        }
    }

    private void expectFlowSequenceItem() {
        if (event.type() == Type.SEQ_END) {
            indent = popIndent();
            flowContext.remove(flowContext.size() - 1);
            writeIndicator("]", false, false, false);
            if (event.post() != null) {
                writePostComment(event);
            } else {
                noNewline = false;
            }
            state = states.pop();
        } else {
            writeIndicator(",", false, false, false);
            if (column > BEST_WIDTH) {
                writeIndent();
            }
            states.push(State.FLOW_SEQ_ITEM);
            expectNode(false, true, false, false);
        }
    }

    // flow mappings

    private void expectFlowMapping() {
        int ind = seqFlowAlign();
        String open = "{";
        boolean single = event.items() == 1;
        if (single && !flowContext.isEmpty() && flowContext.get(flowContext.size() - 1) == '[') {
            open = ""; // a single-entry mapping inside a flow sequence has no braces
        }
        writeIndicator(" ".repeat(Math.max(ind, 0)) + open, true, true, false);
        flowContext.add(open.isEmpty() ? ' ' : '{');
        increaseIndent(true, false, false);
        state = State.FIRST_FLOW_MAP_KEY;
    }

    private void expectFlowMappingKey(boolean first) {
        if (event.type() == Type.MAP_END) {
            indent = popIndent();
            char popped = flowContext.remove(flowContext.size() - 1);
            if (popped != ' ') {
                writeIndicator("}", false, false, false);
            }
            if (event.post() != null) {
                writePostComment(event);
            } else if (first && flowContext.isEmpty()) {
                writeLineBreak();
            } else if (!first) {
                noNewline = false;
            }
            state = states.pop();
            return;
        }
        if (!first) {
            writeIndicator(",", false, false, false);
        }
        if (column > BEST_WIDTH) {
            writeIndent();
        }
        if (checkSimpleKey()) {
            states.push(State.FLOW_MAP_SIMPLE_VALUE);
            expectNode(false, false, true, true);
        } else {
            writeIndicator("?", true, false, false);
            states.push(State.FLOW_MAP_VALUE);
            expectNode(false, false, true, false);
        }
    }

    // block sequences

    private void expectBlockSequence() {
        boolean indentless = mappingContext && !indention;
        if (!mappingContext && column != 0) {
            // compact_seq_seq is true in ruamel: no line break here
        }
        increaseIndent(false, true, indentless);
        state = State.FIRST_BLOCK_SEQ_ITEM;
    }

    private void expectBlockSequenceItem(boolean first) {
        if (!first && event.type() == Type.SEQ_END) {
            if (event.pre() != null && !event.pre().isEmpty()) {
                writePreComment(event);
            }
            indent = popIndent();
            state = states.pop();
            noNewline = false;
            return;
        }
        if (event.pre() != null && !event.pre().isEmpty()) {
            writePreComment(event);
        }
        boolean nonl = column == 0 && noNewline;
        writeIndent();
        writeIndicator("-", true, false, true);
        if (nonl || 2 > BEST_INDENT) {
            noNewline = true;
        }
        states.push(State.BLOCK_SEQ_ITEM);
        expectNode(false, true, false, false);
    }

    // block mappings

    private void expectBlockMapping() {
        // compact_seq_map is true in ruamel: a key after '- ' stays on the dash's line
        increaseIndent(false, false, false);
        state = State.FIRST_BLOCK_MAP_KEY;
    }

    private void expectBlockMappingKey(boolean first) {
        if (!first && event.type() == Type.MAP_END) {
            if (event.pre() != null && !event.pre().isEmpty()) {
                writePreComment(event);
            }
            indent = popIndent();
            state = states.pop();
            return;
        }
        if (event.pre() != null && !event.pre().isEmpty()) {
            writePreComment(event);
        }
        writeIndent();
        if (checkSimpleKey()) {
            states.push(State.BLOCK_MAP_SIMPLE_VALUE);
            expectNode(false, false, true, true);
        } else {
            writeIndicator("?", true, false, true);
            states.push(State.BLOCK_MAP_VALUE);
            expectNode(false, false, true, false);
        }
    }

    // checks

    private boolean checkEmptySequence() {
        Event following = peek();
        return event.type() == Type.SEQ_START && following != null && following.type() == Type.SEQ_END;
    }

    private boolean checkEmptyMapping() {
        Event following = peek();
        return event.type() == Type.MAP_START && following != null && following.type() == Type.MAP_END;
    }

    private boolean checkSimpleKey() {
        int length = 0;
        if (event.type() == Type.SCALAR) {
            if (analysis == null) {
                analysis = ScalarAnalysis.of(event.scalar().text());
            }
            length += analysis.scalar().length();
        }
        return length < MAX_SIMPLE_KEY_LENGTH
                && ((event.type() == Type.SEQ_START && event.flow())
                        || (event.type() == Type.MAP_START && event.flow())
                        || (event.type() == Type.SCALAR
                                && !(analysis.empty() && style != null && style != '\'' && style != '"')
                                && !analysis.multiline())
                        || checkEmptySequence()
                        || checkEmptyMapping());
    }

    // scalars

    private char chooseScalarStyle() {
        if (analysis == null) {
            analysis = ScalarAnalysis.of(event.scalar().text());
        }
        if (event.implicitPlain()) {
            if (!(simpleKeyContext && (analysis.empty() || analysis.multiline()))
                    && ((!flowContext.isEmpty() && analysis.allowFlowPlain())
                            || (flowContext.isEmpty() && analysis.allowBlockPlain()))) {
                return '\0';
            }
        }
        String value = event.scalar().text();
        if (analysis.allowDoubleQuoted() && (value.contains("'") || value.contains("\n"))) {
            return '"';
        }
        if (analysis.allowSingleQuoted() && !(simpleKeyContext && analysis.multiline())) {
            return '\'';
        }
        return '"';
    }

    private void processScalar() {
        if (analysis == null) {
            analysis = ScalarAnalysis.of(event.scalar().text());
        }
        if (style == null) {
            style = chooseScalarStyle();
        }
        // an empty null chosen to be single-quoted is written 'null' (ruamel's alt_null)
        if (style == '\''
                && event.scalar().kind() == YamlNode.Kind.NULL
                && event.scalar().text().isEmpty()) {
            event = new Event(
                    event.type(),
                    new YamlNode.Scalar(null, YamlNode.Kind.NULL, "null"),
                    true,
                    event.flow(),
                    event.items(),
                    event.post(),
                    event.pre());
            analysis = ScalarAnalysis.of("null");
            style = chooseScalarStyle();
        }
        boolean split = !simpleKeyContext;
        if (sequenceContext && flowContext.isEmpty()) {
            writeIndent();
        }
        String text = analysis.scalar();
        switch (style) {
            case '"' -> writeDoubleQuoted(text, split);
            case '\'' -> writeSingleQuoted(text, split);
            default -> writePlain(text, split);
        }
        analysis = null;
        style = null;
        if (event.post() != null || event.pre() != null) {
            writePostComment(event);
        }
    }

    // writers

    private void write(String data) {
        out.append(data);
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        String data = whitespace || !needWhitespace ? indicator : " " + indicator;
        whitespace = isWhitespace;
        indention = indention && isIndention;
        column += data.length();
        write(data);
    }

    private void writeIndent() {
        int ind = indent == null ? 0 : indent;
        if (!indention || column > ind || (column == ind && !whitespace)) {
            if (noNewline) {
                noNewline = false;
            } else {
                writeLineBreak();
            }
        }
        if (column < ind) {
            whitespace = true;
            write(" ".repeat(ind - column));
            column = ind;
        }
    }

    private void writeLineBreak() {
        whitespace = true;
        indention = true;
        column = 0;
        write("\n");
    }

    private void writePlain(String text, boolean split) {
        if (rootContext) {
            // open_ended only: requested_indent is None
        }
        if (text.isEmpty()) {
            return;
        }
        if (!whitespace) {
            column += 1;
            write(" ");
        }
        whitespace = false;
        indention = false;
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length()) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split) {
                        writeIndent();
                        whitespace = false;
                        indention = false;
                    } else {
                        String data = text.substring(start, end);
                        column += data.length();
                        write(data);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == null || !isBreak(ch)) {
                    if (text.charAt(start) == '\n') {
                        writeLineBreak();
                    }
                    for (int i = start; i < end; i++) {
                        writeLineBreak();
                    }
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    start = end;
                }
            } else {
                if (ch == null || ch == ' ' || isBreak(ch)) {
                    String data = text.substring(start, end);
                    column += data.length();
                    write(data);
                    start = end;
                }
            }
            if (ch != null) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
            end++;
        }
    }

    private void writeSingleQuoted(String text, boolean split) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        int end = 0;
        while (end <= text.length()) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != text.length()) {
                        writeIndent();
                    } else {
                        String data = text.substring(start, end);
                        column += data.length();
                        write(data);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == null || !isBreak(ch)) {
                    if (text.charAt(start) == '\n') {
                        writeLineBreak();
                    }
                    for (int i = start; i < end; i++) {
                        writeLineBreak();
                    }
                    writeIndent();
                    start = end;
                }
            } else {
                if (ch == null || ch == ' ' || isBreak(ch) || ch == '\'') {
                    if (start < end) {
                        String data = text.substring(start, end);
                        column += data.length();
                        write(data);
                        start = end;
                    }
                }
            }
            if (ch != null && ch == '\'') {
                column += 2;
                write("''");
                start = end + 1;
            }
            if (ch != null) {
                spaces = ch == ' ';
                breaks = isBreak(ch);
            }
            end++;
        }
        writeIndicator("'", false, false, false);
    }

    private void writeDoubleQuoted(String text, boolean split) {
        writeIndicator("\"", true, false, false);
        int start = 0;
        int end = 0;
        while (end <= text.length()) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (ch == null
                    || "\"\\\u0085\u2028\u2029\uFEFF".indexOf(ch) >= 0
                    || !((ch >= 0x20 && ch <= 0x7E)
                            || (ch >= 0xA0 && ch <= 0xD7FF)
                            || (ch >= 0xE000 && ch <= 0xFFFD)
                            || Character.isSurrogate(ch))) {
                if (start < end) {
                    String data = text.substring(start, end);
                    column += data.length();
                    write(data);
                    start = end;
                }
                if (ch != null) {
                    String data = "\\" + escape(ch);
                    column += data.length();
                    write(data);
                    start = end + 1;
                }
            }
            if (end > 0
                    && end < text.length() - 1
                    && (ch != null && ch == ' ' || start >= end)
                    && column + (end - start) > BEST_WIDTH
                    && split) {
                String data = slice(text, start, end) + "\\";
                if (start < end) {
                    start = end;
                }
                column += data.length();
                write(data);
                writeIndent();
                whitespace = false;
                indention = false;
                if (text.charAt(start) == ' ') {
                    column += 1;
                    write("\\");
                }
            }
            end++;
        }
        writeIndicator("\"", false, false, false);
    }

    /** Python's {@code text[start:end]}: empty when start is past end. */
    private static String slice(String text, int start, int end) {
        return start >= end ? "" : text.substring(start, end);
    }

    private static String escape(char ch) {
        return switch (ch) {
            case '\0' -> "0";
            case '\u0007' -> "a";
            case '\b' -> "b";
            case '\t' -> "t";
            case '\n' -> "n";
            case '\u000B' -> "v";
            case '\f' -> "f";
            case '\r' -> "r";
            case '\u001B' -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case '\u0085' -> "N";
            case '\u00A0' -> "_";
            case '\u2028' -> "L";
            case '\u2029' -> "P";
            default -> ch <= 0xFF ? String.format("x%02X", (int) ch) : String.format("u%04X", (int) ch);
        };
    }

    private static boolean isBreak(char ch) {
        return ch == '\n' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029';
    }

    // comments

    private void writeComment(CommentToken comment, boolean pre) {
        String value = comment.value();
        if (!pre && value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        int col = comment.column();
        if (comment.value().startsWith("\n")) {
            col = column; // a token of blank lines is never padded
        }
        int spaces = col - column;
        if (column != 0 && !value.strip().isEmpty() && spaces < 1 && value.charAt(0) != '\n') {
            spaces = 1;
        }
        write(" ".repeat(Math.max(spaces, 0)) + value);
        if (!pre) {
            writeLineBreak();
        }
    }

    private boolean writePreComment(Event e) {
        if (e.pre() == null) {
            return false;
        }
        for (CommentToken comment : e.pre()) {
            if (column != 0) {
                writeLineBreak();
            }
            writeComment(comment, true);
        }
        return true;
    }

    private boolean writePostComment(Event e) {
        if (e.post() == null) {
            return false;
        }
        writeComment(e.post(), false);
        return true;
    }
}
