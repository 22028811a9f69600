package dev.amlsh.explain;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.conda.roundtrip.YamlNode;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.SdkRelease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the conda file Azure ML builds ({@code mutated_conda_dependencies.yml}) differs from the
 * definition's conda file ({@code CondaDependencies.serialize_to_string()}), found by comparing the two
 * documents: the name, the order of the keys, the comments and blank lines, flow lists, the lists'
 * indentation. And what in the definition's file the SDK itself put there (its default python, {@code pip}
 * for a pip list, a requirements file's blank and comment lines), found in the spec.
 */
public final class CondaFileChanges {

    /** One difference or SDK entry: a stable {@code kind}, a sentence, and the conda file's lines it is about. */
    public record Note(String kind, String text, List<Integer> lines) {
        public Note {
            lines = List.copyOf(lines);
        }
    }

    private static final Pattern LIST_ITEM = Pattern.compile("^( *)- ");
    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):");

    private CondaFileChanges() {}

    /** What turns the definition's conda file (its document and text) into the mutated file's text. */
    public static List<Note> compare(CondaDocument given, String mutated) {
        String givenText = given.text();
        CondaDocument built = CondaDocument.parse(Path.of("mutated_conda_dependencies.yml"), mutated);
        List<Note> notes = new ArrayList<>();
        String givenName = scalar(given.root().entry("name"));
        String builtName = scalar(built.root().entry("name"));
        if (!Objects.equals(givenName, builtName)) {
            notes.add(new Note(
                    "name",
                    (givenName == null ? "name: added, " + builtName : "name: " + givenName + " -> " + builtName)
                            + ", the conda environment's name (azureml_ and the conda hash)",
                    keyLines(givenText, "name")));
        }
        List<String> givenKeys = keys(given);
        List<String> builtKeys = keys(built);
        List<String> commonGiven =
                givenKeys.stream().filter(builtKeys::contains).toList();
        List<String> commonBuilt =
                builtKeys.stream().filter(givenKeys::contains).toList();
        if (!commonGiven.equals(commonBuilt)) {
            notes.add(new Note(
                    "key-order",
                    "keys sorted: " + String.join(", ", givenKeys) + " -> " + String.join(", ", builtKeys),
                    List.of()));
        }
        commentsAndBlankLines(given, givenText, notes);
        List<String> flow = flowLists(given.root());
        if (!flow.isEmpty()) {
            notes.add(new Note(
                    "flow-lists",
                    "flow lists ([a, b]) written one item a line: " + String.join(", ", flow),
                    List.of()));
        }
        List<String> rewritten = writtenOtherwise(given.withoutComments().text(), mutated, flow);
        if (!rewritten.isEmpty()) {
            notes.add(new Note(
                    "quoting",
                    "written another way: " + String.join(", ", rewritten) + " (each file quotes what its"
                            + " readers would read as another type: the conda file for the SDK's YAML 1.2, Azure"
                            + " ML's for YAML 1.1 readers such as conda's too)",
                    List.of()));
        }
        Optional<Integer> givenIndent = itemIndent(given.withoutComments().text());
        Optional<Integer> builtIndent = itemIndent(mutated);
        if (givenIndent.isPresent() && builtIndent.isPresent() && !givenIndent.equals(builtIndent)) {
            notes.add(new Note(
                    "indentation",
                    "list items indented " + builtIndent.get() + " spaces under their key (the conda file: "
                            + givenIndent.get() + (givenIndent.get() == 0 ? ", the dash at the key's column)" : ")"),
                    List.of()));
        }
        return notes;
    }

    /**
     * What the SDK put in the definition's conda file, found in its spec and document; {@code asWritten} is false
     * for a registered version, whose conda file is the service's data only.
     */
    public static List<Note> sdkEntries(CondaDocument given, CondaSpec spec, boolean asWritten) {
        String text = given.text();
        List<Note> notes = new ArrayList<>();
        if (!asWritten) {
            notes.add(new Note(
                    "service-form",
                    "the service keeps the data only, so this is ruamel's dump of it (Environment.get): no"
                            + " comments, block lists, keys in the definition's JSON order",
                    List.of()));
        }
        Optional<CondaPackage> python = spec.python();
        String sdkPython = "python=" + SdkRelease.DEFAULT_PYTHON_VERSION;
        if (python.isEmpty()) {
            notes.add(new Note(
                    "no-python",
                    "no python entry: conda installs the python the packages need (v2's conda_file gets none"
                            + " added; from_conda_specification would have appended " + sdkPython + ")",
                    List.of()));
        } else if (python.get().spec().equals(sdkPython)) {
            List<CondaDependency> deps = spec.dependencies();
            boolean last = deps.get(deps.size() - 1).equals(python.get());
            notes.add(new Note(
                    "sdk-python",
                    sdkPython + (last ? " (the last dependency)" : "") + ": the SDK's default python"
                            + (last
                                    ? ", where from_conda_specification appends it when a file names no python"
                                            + " version"
                                    : ", the first dependency of its default conda file (Environment(name),"
                                            + " from_pip_requirements), and what from_conda_specification puts in"
                                            + " place of a python entry without a version")
                            + ", with the warning: No Python version provided, defaulting to \""
                            + SdkRelease.DEFAULT_PYTHON_VERSION + "\"",
                    itemLines(text, sdkPython)));
        }
        Optional<PipSection> pip = spec.pipSection();
        Optional<CondaPackage> pipPackage = spec.condaPackages().stream()
                .filter(p -> p.name().equals("pip"))
                .findFirst();
        if (pip.isPresent() && pipPackage.isPresent()) {
            notes.add(new Note(
                    "pip-package",
                    pipPackage.get().spec() + ": conda installs pip, which installs the pip: list;"
                            + " from_pip_requirements adds it (pip=VERSION with a pip version)",
                    itemLines(text, pipPackage.get().spec())));
        } else if (pip.isPresent()) {
            notes.add(new Note(
                    "pip-missing",
                    "a pip: list without the conda package pip: conda env create warns, and adds pip itself",
                    keyLines(text, "- pip")));
        }
        List<String> ignored = spec.pipRequirements().stream()
                .filter(r -> r.isBlank() || r.strip().startsWith("#"))
                .toList();
        if (!ignored.isEmpty()) {
            notes.add(new Note(
                    "pip-file-lines",
                    ignored.size() + " pip entr" + (ignored.size() == 1 ? "y is" : "ies are")
                            + " a requirements file's blank or comment line, kept as written"
                            + " (from_pip_requirements keeps every line); pip skips "
                            + (ignored.size() == 1 ? "it" : "them"),
                    List.of()));
        }
        return notes;
    }

    /** Comment and blank lines: the lines the document's text loses when its comments are dropped. */
    private static void commentsAndBlankLines(CondaDocument given, String givenText, List<Note> notes) {
        List<String> lines = givenText.lines().toList();
        List<String> plain = given.withoutComments().text().lines().toList();
        List<Integer> comments = new ArrayList<>();
        List<Integer> blanks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(lines, plain).getDeltas()) {
            for (int i = 0; i < delta.getSource().size(); i++) {
                int at = delta.getSource().getPosition() + i;
                (lines.get(at).isBlank() ? blanks : comments).add(at + 1);
            }
        }
        if (!comments.isEmpty()) {
            notes.add(new Note(
                    "comments",
                    comments.size() + " line" + (comments.size() == 1 ? "" : "s") + " with a comment: the"
                            + " comments are dropped (Azure ML writes the file from the data, which keeps none)",
                    comments));
        }
        if (!blanks.isEmpty()) {
            notes.add(new Note(
                    "blank-lines",
                    blanks.size() + " blank line" + (blanks.size() == 1 ? "" : "s") + " dropped",
                    blanks));
        }
    }

    private static List<String> keys(CondaDocument document) {
        return document.root().entries().stream().map(YamlNode.Entry::key).toList();
    }

    private static String scalar(YamlNode.Entry entry) {
        return entry != null && entry.value() instanceof YamlNode.Scalar s ? s.asText() : null;
    }

    private static List<String> flowLists(YamlNode.Map root) {
        List<String> flow = new ArrayList<>();
        for (YamlNode.Entry entry : root.entries()) {
            if (entry.value() instanceof YamlNode.Seq seq) {
                if (seq.flow()) {
                    flow.add(entry.key());
                }
                for (YamlNode.Item item : seq.items()) {
                    if (item.value() instanceof YamlNode.Map map
                            && map.entry("pip") != null
                            && map.entry("pip").value() instanceof YamlNode.Seq pip
                            && pip.flow()) {
                        flow.add("pip");
                    }
                }
            } else if (entry.value() instanceof YamlNode.Map map && map.flow()) {
                flow.add(entry.key());
            }
        }
        return flow;
    }

    /**
     * Values the two texts write differently ({@code MODE: yes -> MODE: 'yes'}): under each top-level key (but the
     * name, and the lists written in flow style, whose items share a line), the lines in order, compared without
     * their indentation.
     */
    private static List<String> writtenOtherwise(String givenPlain, String mutated, List<String> flow) {
        Map<String, List<String>> given = blocks(givenPlain);
        Map<String, List<String>> built = blocks(mutated);
        List<String> rewritten = new ArrayList<>();
        given.forEach((key, lines) -> {
            List<String> other = built.get(key);
            if (key.equals("name") || flow.contains(key) || other == null || other.size() != lines.size()) {
                return;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals(other.get(i))) {
                    rewritten.add(lines.get(i) + " -> " + other.get(i));
                }
            }
        });
        return rewritten;
    }

    /** Top-level key → its own line's value part and the lines below it, stripped, in order. */
    private static Map<String, List<String>> blocks(String text) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.lines().toList()) {
            Matcher key = TOP_KEY.matcher(line);
            if (key.find()) {
                current = new ArrayList<>();
                blocks.put(key.group(1), current);
                String rest = line.substring(key.end()).strip();
                if (!rest.isEmpty()) {
                    current.add(key.group(1) + ": " + rest);
                }
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return blocks;
    }

    /** How far the first block list's items are indented from their top-level key. */
    private static Optional<Integer> itemIndent(String text) {
        for (String line : text.lines().toList()) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.find()) {
                return Optional.of(item.group(1).length());
            }
        }
        return Optional.empty();
    }

    /** The 1-based lines where a top-level key (or a text at a line's start) is. */
    private static List<Integer> keyLines(String text, String key) {
        List<String> lines = text.lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TOP_KEY.matcher(lines.get(i));
            if (m.find() && m.group(1).equals(key)
                    || key.startsWith("-") && lines.get(i).strip().startsWith(key + ":")) {
                found.add(i + 1);
            }
        }
        return found;
    }

    /** The 1-based lines of a list item with this text. */
    private static List<Integer> itemLines(String text, String item) {
        List<String> lines = text.lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.equals("- " + item) || s.startsWith("- " + item + " ")) {
                found.add(i + 1);
            }
        }
        return found;
    }
}
