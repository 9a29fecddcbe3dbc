package dev.devstack.supervisor.config;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over a text that is already in memory. SnakeYAML's own copies everything
 * not yet consumed each time it reads 1,024 more characters, so scanning one long token (a plain
 * value of a megabyte on one line) took time in the square of its length. Line breaks and
 * columns are counted as SnakeYAML counts them. Characters YAML does not allow are refused
 * before parsing ({@link YamlTreeReader}): this reader does not check them.
 */
final class WholeTextReader extends StreamReader {

    private final String name;
    private final int[] codePoints;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String name, String text) {
        super(new StringReader(""));
        this.name = name;
        this.codePoints = text.codePoints().toArray();
    }

    @Override
    public Mark getMark() {
        return new Mark(name, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
                    || (c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    /** The character {@code index} places ahead, or 0 past the end (as SnakeYAML expects). */
    @Override
    public int peek(int index) {
        int at = pointer + index;
        return at < codePoints.length ? codePoints[at] : 0;
    }

    @Override
    public String prefix(int length) {
        return new String(codePoints, pointer, Math.max(0, Math.min(length, codePoints.length - pointer)));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        forward(length);
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
