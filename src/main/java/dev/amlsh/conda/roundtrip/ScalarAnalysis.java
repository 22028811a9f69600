package dev.amlsh.conda.roundtrip;

/**
 * Which styles can write a scalar: ruamel.yaml's (PyYAML's) {@code analyze_scalar}, with
 * unicode allowed as the SDK's dump allows it and YAML 1.2 rules for {@code ?} and {@code :}.
 */
record ScalarAnalysis(
        String scalar,
        boolean empty,
        boolean multiline,
        boolean allowFlowPlain,
        boolean allowBlockPlain,
        boolean allowSingleQuoted,
        boolean allowDoubleQuoted) {

    private static final String SPACE_OR_BREAK = "\0 \t\r\n\u0085\u2028\u2029";

    static ScalarAnalysis of(String scalar) {
        if (scalar.isEmpty()) {
            return new ScalarAnalysis(scalar, true, false, false, true, true, true);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        if (scalar.startsWith("---") || scalar.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = scalar.length() == 1 || SPACE_OR_BREAK.indexOf(scalar.charAt(1)) >= 0;
        boolean previousSpace = false;
        boolean previousBreak = false;
        int index = 0;
        while (index < scalar.length()) {
            char ch = scalar.charAt(index);
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '?' || ch == ':') {
                    if (scalar.length() == 1) {
                        flowIndicators = true;
                    }
                    if (followedByWhitespace) {
                        // departure: ruamel writes [: a] plain in a flow list, which no reader takes back
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                }
                if (ch == '-' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",[]{}".indexOf(ch) >= 0) {
                    flowIndicators = true;
                }
                if (ch == '?') {
                    // departure: ruamel applies this YAML 1.1 rule only when dumping 1.1, so it writes
                    // [a?b]; SnakeYAML (1.1) cannot read that back, so amlsh quotes it ('a?b')
                    flowIndicators = true;
                }
                if (ch == ':' && followedByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (ch == '#' && precededByWhitespace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
            boolean isBreak = ch == '\n' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029';
            if (isBreak) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                boolean printable = (ch == '\u0085'
                                || (ch >= 0xA0 && ch <= 0xD7FF)
                                || (ch >= 0xE000 && ch <= 0xFFFD)
                                || Character.isSurrogate(ch))
                        && ch != '\uFEFF';
                if (!printable) {
                    specialCharacters = true;
                }
            }
            if (ch == ' ') {
                if (index == 0) {
                    leadingSpace = true;
                }
                if (index == scalar.length() - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak) {
                if (index == 0) {
                    leadingBreak = true;
                }
                if (index == scalar.length() - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            index++;
            precededByWhitespace = SPACE_OR_BREAK.indexOf(ch) >= 0;
            followedByWhitespace =
                    index + 1 >= scalar.length() || SPACE_OR_BREAK.indexOf(scalar.charAt(index + 1)) >= 0;
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean singleQuoted = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
        }
        if (specialCharacters || spaceBreak) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(scalar, false, lineBreaks, flowPlain, blockPlain, singleQuoted, true);
    }
}
