package io.dicomfind.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;

/** Our name and version (filtered into a resource by the build) and the DCMTK findscu version we follow. */
final class VersionInfo {
    /** The DCMTK findscu whose command line (man page 3.6.8) this one reproduces. */
    static final String DCMTK_COMPATIBLE = "3.6.8";

    private VersionInfo() {
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("findscu-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }

    /** The first lines of help and error output, in the place and shape of DCMTK's "$dcmtk: findscu v3.6.7 ... $". */
    static String header() {
        return "$dicomfind: findscu v" + version() + " (compatible with DCMTK findscu " + DCMTK_COMPATIBLE + ") $"
                + System.lineSeparator() + System.lineSeparator() + "findscu: DICOM query (C-FIND) SCU";
    }

    static void print(PrintStream out) {
        out.println(header());
        out.println();
        out.println("Implementation: dicomfind-findscu " + version() + ", Java " + Runtime.version()
                + " (" + System.getProperty("java.vendor", "?") + ")");
        out.println("Command line compatible with: DCMTK findscu " + DCMTK_COMPATIBLE);
        out.println("DICOM layer: io.dicomfind (no third-party DICOM library)");
        out.println("Supported: deflate (java.util.zip); TLS: not yet supported");
    }
}
