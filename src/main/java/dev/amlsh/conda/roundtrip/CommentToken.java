package dev.amlsh.conda.roundtrip;

/**
 * A comment as ruamel.yaml's round trip keeps it: the text from its first character ({@code #},
 * or the line end when the comment is only blank lines) through the line ends of the full-line
 * comments and blank lines that follow, and the column it started at. ruamel writes it back at
 * that column, so comment columns survive re-indentation.
 */
public record CommentToken(String value, int column) {

    public CommentToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a comment token has text");
        }
    }
}
