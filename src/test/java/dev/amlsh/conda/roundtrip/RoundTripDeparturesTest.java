package dev.amlsh.conda.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.CondaSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where amlsh's conda text departs from ruamel.yaml 0.17.4's round trip (docs/EMULATION.md):
 * only where ruamel writes YAML that cannot be read back. Each test says what ruamel writes.
 */
class RoundTripDeparturesTest {

    static CondaDocument parse(String text) {
        return CondaDocument.parse(Path.of("env.yml"), text);
    }

    @Test
    void removingTheLastChannelUnderACommentedKeyGivesAnEmptyFlowListWithTheComment() {
        // remove_channel('a'): ruamel 0.17.4 writes "channels:   # c\n[]\ndependencies: -\n  python=3.8\n",
        // which no YAML reader takes (scripts/goldens/ruamel-roundtrip.py FILE remove_channel=a shows it)
        CondaDocument doc = parse("channels:   # c\n- a\ndependencies:\n- python=3.8\n");
        CondaSpec spec = doc.spec().removeChannel("a");
        String text = doc.reconcile(spec).text();
        assertThat(text).isEqualTo("channels: [] # c\ndependencies:\n- python=3.8\n");
        assertThat(parse(text).spec()).isEqualTo(spec);
    }

    @Test
    void aQuestionMarkInAFlowListIsQuoted() {
        // ruamel writes [a?b] (YAML 1.2 allows it); SnakeYAML reads YAML 1.1, where '?' ends a plain flow scalar
        CondaDocument doc = parse("channels: [defaults]\ndependencies: [python=3.8]\n");
        CondaSpec spec = doc.spec().addChannel("https://host/channel?token=1");
        String text = doc.reconcile(spec).text();
        assertThat(text)
                .isEqualTo("channels: [defaults, 'https://host/channel?token=1']\ndependencies: [python=3.8]\n");
        assertThat(parse(text).spec().channels()).containsExactly("defaults", "https://host/channel?token=1");
        // in block style ruamel's plain text is kept
        assertThat(parse("channels:\n- https://host/channel?token=1\ndependencies: []\n")
                        .text())
                .isEqualTo("channels:\n- https://host/channel?token=1\ndependencies: []\n");
    }

    @Test
    void anchorsAliasesAndTagsAreRefusedWithTheirPlace() {
        for (String text : List.of(
                "dependencies: &d\n- python=3.8\n",
                "channels: [a]\ndependencies: [*x]\n",
                "dependencies:\n- !!str python=3.8\n")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(text))
                    .isInstanceOf(dev.amlsh.model.AmlshException.class)
                    .satisfies(e -> assertThat(((dev.amlsh.model.AmlshException) e).location())
                            .isPresent());
        }
    }

    @Test
    void thePlainFormKeepsEachVariablesType() {
        // Environment.get rebuilds CondaDependencies from the service dict; ruamel's round_trip_dump of
        // {'variables': {'THREADS': 8, 'QUOTED': '8', 'DEBUG': True, 'MODE': 'yes', 'EMPTY': None, 'RATE': 1000.0}}
        // writes each value as its type (not a quoted '8'): this is not a departure, it pins the plain form
        CondaSpec spec = dev.amlsh.conda.CondaFileReader.parse(
                Path.of("env.yml"),
                "dependencies: [python=3.10]\nvariables:\n  THREADS: 8\n  QUOTED: \"8\"\n"
                        + "  DEBUG: True\n  MODE: yes\n  EMPTY:\n  RATE: 1000.0\n");
        assertThat(CondaDocument.plain(spec).text())
                .endsWith("variables:\n  THREADS: 8\n  QUOTED: '8'\n  DEBUG: true\n"
                        + "  MODE: yes\n  EMPTY:\n  RATE: 1000.0\n");
    }
}
