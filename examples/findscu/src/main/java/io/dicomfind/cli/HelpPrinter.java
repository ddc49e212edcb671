package io.dicomfind.cli;

import io.dicomfind.cli.OptionTable.Heading;
import io.dicomfind.cli.OptionTable.Option;
import io.dicomfind.cli.OptionTable.Row;
import java.io.PrintStream;

/**
 * The help screen, laid out like findscu's: short names end at column 10, long names are padded to column 32 where
 * the help text starts, continuation lines are indented to column 32; sections at column 0, subsections at 2.
 */
final class HelpPrinter {
    private static final int TEXT_COLUMN = 32;

    private HelpPrinter() {
    }

    static void print(PrintStream out) {
        out.println(VersionInfo.header());
        out.println("usage: findscu [options] peer port [dcmfile-in...]");
        out.println();
        out.println("parameters:");
        param(out, "peer", "hostname of DICOM peer");
        param(out, "port", "tcp/ip port number of peer");
        param(out, "dcmfile-in", "DICOM query file(s)");
        out.println();
        for (Row r : OptionTable.rows()) {
            if (r instanceof Heading h) {
                out.println(h.level() == 0 ? h.text() : "  " + h.text());
            } else if (r instanceof Option o) {
                option(out, o);
            }
        }
        out.println();
    }

    private static void param(PrintStream out, String name, String text) {
        out.println(pad("  " + name, TEXT_COLUMN) + text);
    }

    private static void option(PrintStream out, Option o) {
        String indent = o.level() == 0 ? "  " : "    ";
        String head = pad(indent + (o.shortName() == null ? "" : o.shortName()), 10)
                + (o.longName() == null ? "" : o.longName());
        out.println(pad(head, TEXT_COLUMN) + o.help().get(0));
        for (String line : o.help().subList(1, o.help().size())) {
            out.println(" ".repeat(TEXT_COLUMN) + line);
        }
    }

    private static String pad(String s, int width) {
        // DCMTK keeps at least two spaces between the long name and the text
        return s.length() + 2 > width ? s + "  " : s + " ".repeat(width - s.length());
    }
}
