package dev.amlsh.shell.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.shell.jline.tui.table.BorderSpecification;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;
import org.springframework.shell.jline.tui.table.TableModelBuilder;

/**
 * Aligned columns for text output ({@code env list}, {@code env versions}, {@code workspace list},
 * {@code curated list}), laid out by Spring Shell's table module: a header row, then one row per
 * item, columns sized to their widest cell and parted by two spaces ({@link BorderStyle#air} inner
 * verticals and a padding column), no box, no wrapping, no trailing blanks. The same on a terminal and
 * in a pipe, so scripts can cut columns and golden tests stay stable. A cell is one line: a value
 * that holds a line break would break the rows, so breaks become spaces.
 */
public final class Table {

    /** Wide enough that Spring Shell's layout never wraps a cell. */
    private static final int NO_WRAP = 100_000;

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final int columns;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(int columns, List<String> headers) {
        this.columns = columns;
        this.headers = headers;
    }

    /** A table with a header row. */
    public static Table of(String... headers) {
        return new Table(headers.length, List.of(headers));
    }

    /** Labelled lines ({@code name:  value}): two columns, no header. */
    public static Table labelled() {
        return new Table(2, null);
    }

    /** Adds a row; null cells print as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + columns + " cells, not " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "-" : LINE_BREAK.matcher(cell.toString()).replaceAll(" "));
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out) {
        out.print(render());
    }

    /** Prints each line after {@code indent} (a table inside a list, as {@code help} shows its groups). */
    public void print(PrintWriter out, String indent) {
        render().lines().forEach(line -> out.println(indent + line));
    }

    public String render() {
        if (headers != null && allPrintableAscii()) {
            return renderAscii();
        }
        return renderWithSpringShell();
    }

    /**
     * The same layout as Spring Shell's, computed directly: each column as wide as its widest cell,
     * two spaces between columns, no trailing blanks. Used where every cell is printable ASCII
     * (one column per character, as Spring Shell counts them) and no cell starts or ends with a
     * blank, since Spring Shell's layout takes about 200 ms for a 10,000-row {@code env list};
     * {@code TableTest} checks both give the same text.
     */
    String renderAscii() {
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (List<String> row : all) {
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.append(line, 0, end).append('\n');
        }
        return out.toString();
    }

    /** Printable ASCII, no blank at either end of a cell (Spring Shell's layout treats those its own way). */
    private boolean allPrintableAscii() {
        for (List<String> row : rows) {
            for (String cell : row) {
                if (!plain(cell)) {
                    return false;
                }
            }
        }
        return headers.stream().allMatch(h -> !h.isEmpty() && plain(h)); // no line can be empty
    }

    private static boolean plain(String cell) {
        if (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    String renderWithSpringShell() {
        TableModelBuilder<String> model = new TableModelBuilder<>();
        if (headers != null) {
            addRow(model, headers);
        }
        if (headers == null && rows.isEmpty()) {
            return "";
        }
        rows.forEach(r -> addRow(model, r));
        String text = new TableBuilder(model.build())
                .paintBorder(BorderStyle.air, BorderSpecification.INNER_VERTICAL)
                .fromTopLeft()
                .toBottomRight()
                .build()
                .render(NO_WRAP);
        StringBuilder result = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            result.append(line.stripTrailing()).append('\n');
        }
        return result.toString();
    }

    /** Each cell but the last gets a trailing blank: with the air border, two spaces between columns. */
    private static void addRow(TableModelBuilder<String> model, List<String> cells) {
        model.addRow();
        for (int i = 0; i < cells.size(); i++) {
            model.addValue(i < cells.size() - 1 ? cells.get(i) + " " : cells.get(i));
        }
    }
}
