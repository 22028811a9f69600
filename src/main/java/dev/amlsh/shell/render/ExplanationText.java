package dev.amlsh.shell.render;

import dev.amlsh.explain.CondaFileChanges;
import dev.amlsh.explain.EnvironmentExplanation;
import dev.amlsh.explain.HashExplanation;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code env explain} for people: one page, four parts (the conda file, the file Azure ML builds and what
 * changed, the two hashes, how the image is assembled), each written from the facts of an
 * {@link EnvironmentExplanation}.
 */
public final class ExplanationText {

    /** Notes and lists are wrapped at this column. */
    private static final int WIDTH = 100;

    /** A hashed value longer than this is cut in the text (the JSON has it whole). */
    private static final int VALUE_WIDTH = 70;

    private ExplanationText() {}

    public static void print(PrintWriter out, EnvironmentExplanation e) {
        out.println(e.name() + (e.version() == null ? " (draft)" : ":" + e.version()) + ": " + e.kind());
        out.println();
        out.println("1. The conda file, as the SDK holds it (env conda-file)");
        if (e.condaFile() == null) {
            out.println("   none: "
                    + (e.kind().contains("build context")
                            ? "a build context's Dockerfile installs what it installs"
                            : "python.condaDependencies is not set"));
        } else {
            numbered(out, e.condaFile());
        }
        if (e.condaFile() != null && e.mutatedCondaFile() == null) {
            wrap(out, "   ", "the definition keeps it, but Azure ML installs none of it (" + e.kind() + ")");
        }
        for (CondaFileChanges.Note note : e.sdkEntries()) {
            wrap(out, "   * ", lines(note) + note.text());
        }
        out.println();
        out.println("2. The conda file Azure ML builds (env conda-spec: mutated_conda_dependencies.yml)");
        if (e.mutatedCondaFile() == null) {
            out.println("   none: Azure ML creates no conda environment (" + e.kind() + ")");
        } else {
            numbered(out, e.mutatedCondaFile());
            out.println("   From 1 to 2:");
            for (CondaFileChanges.Note note : e.changes()) {
                wrap(out, "   ~ ", lines(note) + note.text());
            }
        }
        out.println();
        out.println("3. The hashes (amlsh's emulator rule: Azure ML computes its own on the service)");
        if (e.condaHash() != null) {
            HashExplanation conda = e.condaHash();
            out.println("   conda environment " + conda.name());
            out.println("     = azureml_ + MD5 of " + conda.canonicalForm());
            out.println("     counts:      "
                    + conda.inputs().stream().map(HashExplanation.Input::field).collect(Collectors.joining(", ")));
            wrap(
                    out,
                    "     not counted: ",
                    String.join(", ", conda.notCounted()) + "; how the file is written (it is hashed as data)");
        } else {
            out.println("   conda environment: none");
        }
        if (e.imageHash() != null) {
            HashExplanation image = e.imageHash();
            out.println("   image " + image.name());
            out.println("     = azureml/azureml_ + MD5 of the canonical JSON of:");
            int width = image.inputs().stream()
                    .mapToInt(i -> i.field().length())
                    .max()
                    .orElse(0);
            for (HashExplanation.Input input : image.inputs()) {
                String value = e.condaHash() != null
                                && input.value().equals(e.condaHash().canonicalForm())
                        ? "the conda form above"
                        : cut(input.value());
                out.println("       " + pad(input.field(), width) + "  " + value);
            }
            wrap(out, "     not counted: ", String.join(", ", image.notCounted()));
        } else {
            out.println("   image: none built (no image hash): the compute pulls the base image as it is");
        }
        out.println();
        out.println("4. How the image is assembled");
        picture(out, e.assembly());
    }

    /** The stages top to bottom: a box-drawing line joins them, the image and the job are where arrows point. */
    private static void picture(PrintWriter out, List<EnvironmentExplanation.Stage> stages) {
        boolean first = true;
        for (EnvironmentExplanation.Stage stage : stages) {
            if (stage.stage().equals("image")) {
                out.println("   ▼");
                out.println("   " + stage.title());
                out.println("   │");
                continue;
            }
            out.println("   " + (first ? "┌─ " : "├─ ") + stage.title());
            for (String detail : stage.details()) {
                out.println("   │    " + detail);
            }
            first = false;
        }
        out.println("   ▼");
        out.println("   your job");
    }

    private static void numbered(PrintWriter out, String text) {
        List<String> lines = text.lines().toList();
        int width = Integer.toString(lines.size()).length();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.println(("   " + pad(Integer.toString(i + 1), -width) + "  " + line).stripTrailing());
        }
    }

    /** {@code line 3: } or {@code lines 1, 2: } before a note about lines of a file. */
    private static String lines(CondaFileChanges.Note note) {
        if (note.lines().isEmpty()) {
            return "";
        }
        return (note.lines().size() == 1 ? "line " : "lines ")
                + note.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ": ";
    }

    /** Words after {@code first}, wrapped at {@link #WIDTH} columns, later lines indented under the first word. */
    private static void wrap(PrintWriter out, String first, String text) {
        String indent = " ".repeat(first.length());
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String cut(String value) {
        return value.length() <= VALUE_WIDTH ? value : value.substring(0, VALUE_WIDTH - 1) + "…";
    }

    /** Pads to {@code width} on the right, or on the left for a negative width (numbers). */
    private static String pad(String s, int width) {
        int n = Math.abs(width) - s.length();
        if (n <= 0) {
            return s;
        }
        return width < 0 ? " ".repeat(n) + s : s + " ".repeat(n);
    }
}
