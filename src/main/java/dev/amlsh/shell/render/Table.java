package dev.amlsh.shell.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
            row.add(cell == null ? "-" : cell.toString().replaceAll("\\R", " "));
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
