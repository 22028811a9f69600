package dev.amlsh.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct layout of printable-ASCII tables (the fast path for a 10,000-row {@code env list})
 * gives exactly the text Spring Shell's table module gives, on random tables: cells empty, with
 * spaces inside, at the start or end, of any length; one to five columns; no rows to many.
 */
class TableTest {

    @Test
    void theDirectLayoutIsSpringShellsLayout() {
        Random random = new Random(42);
        String alphabet = "abcXYZ019 -_.:*()/\\\"'~";
        for (int t = 0; t < 500; t++) {
            int columns = 1 + random.nextInt(5);
            String[] headers = new String[columns];
            for (int c = 0; c < columns; c++) {
                headers[c] = cell(random, alphabet);
            }
            Table table = Table.of(headers);
            int rows = random.nextInt(8);
            for (int r = 0; r < rows; r++) {
                Object[] cells = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    cells[c] = random.nextInt(10) == 0 ? null : cell(random, alphabet);
                }
                table.row(cells);
            }
            assertThat(table.render()).as("table " + t).isEqualTo(table.renderWithSpringShell());
        }
    }

    @Test
    void cellsWithoutBlanksAtTheirEndsTakeTheDirectLayout() {
        Random random = new Random(7);
        for (int t = 0; t < 300; t++) {
            int columns = 1 + random.nextInt(4);
            String[] headers = new String[columns];
            for (int c = 0; c < columns; c++) {
                headers[c] = "H" + "x".repeat(random.nextInt(6));
            }
            Table table = Table.of(headers);
            for (int r = random.nextInt(10); r > 0; r--) {
                Object[] cells = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    cells[c] = random.nextInt(8) == 0 ? "" : "v" + "y z".repeat(random.nextInt(4)) + "w";
                }
                table.row(cells);
            }
            assertThat(table.renderAscii()).as("table " + t).isEqualTo(table.renderWithSpringShell());
        }
    }

    @Test
    void aTableWithOtherCharactersIsLaidOutBySpringShell() {
        Table table = Table.of("NAME", "VALUE").row("café", "x").row("a", "\u4e2d\u6587");
        assertThat(table.render()).isEqualTo(table.renderWithSpringShell());
    }

    private static String cell(Random random, String alphabet) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
