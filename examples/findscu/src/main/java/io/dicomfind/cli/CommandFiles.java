package io.dicomfind.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK's command files: an argument {@code @name} is replaced by the arguments written in file {@code name} before
 * anything else is evaluated. The rules, checked against DCMTK 3.6.7's {@code findscu --arguments}:
 * <ul>
 * <li>arguments are separated by any run of whitespace (spaces, tabs, line breaks);</li>
 * <li>{@code "..."} or {@code '...'} groups whitespace into one argument; the other quote character is literal
 *     inside; a quote may open in the middle of an argument ({@code x"y z"} is {@code xy z}), and the closing quote
 *     ends the argument ({@code "a""b"} is two arguments, {@code ""} one empty argument);</li>
 * <li>an unterminated quote runs to the end of the file;</li>
 * <li>a command file cannot contain another command file: {@code @x} inside one is an ordinary argument.</li>
 * </ul>
 */
final class CommandFiles {
    private CommandFiles() {
    }

    static List<String> expand(List<String> args) throws UsageException {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 1 && a.charAt(0) == '@') {
                String name = a.substring(1);
                String text;
                try {
                    text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    throw new UsageException("Cannot open command file '" + name + "'");
                }
                out.addAll(split(text));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    out.add(token.toString());
                    token = null;
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (c == '"' || c == '\'') {
                if (token == null) {
                    token = new StringBuilder();
                }
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (token != null) {
                    out.add(token.toString());
                    token = null;
                }
            } else {
                if (token == null) {
                    token = new StringBuilder();
                }
                token.append(c);
            }
        }
        if (token != null) {
            out.add(token.toString());
        }
        return out;
    }
}
