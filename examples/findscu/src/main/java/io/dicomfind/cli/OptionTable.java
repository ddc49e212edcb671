package io.dicomfind.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option of DCMTK findscu 3.6.8 (see its man page), with the same short and long spellings, the same number of
 * values and the same help text, plus our additions ({@code -J}). One table drives both the parser (which spellings
 * exist and how many values they take) and the help screen (laid out like findscu's), so they cannot drift apart.
 */
final class OptionTable {

    /** One row of the help screen: a section heading, or an option. */
    sealed interface Row permits Heading, Option {
    }

    /** A heading; level 0 is a section ("network options:"), level 1 a subsection ("  query information model:"). */
    record Heading(int level, String text) implements Row {
    }

    /**
     * An option. {@code shortName} or {@code longName} may be null (DCMTK has long-only options such as
     * {@code --repeat}); {@code values} is how many values follow it; {@code help} holds the help lines, the first
     * of which describes the values when there are any (DCMTK's "[k]ey: string" convention).
     */
    record Option(String shortName, String longName, int values, List<String> help, int level) implements Row {
        /** The name used in messages: the long one, as DCMTK does. */
        String displayName() {
            return longName != null ? longName : shortName;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final Map<String, Option> BY_NAME = new HashMap<>();
    private static int level;

    private static void section(String text) {
        level = 0;
        ROWS.add(new Heading(0, text));
    }

    private static void subsection(String text) {
        level = 1;
        ROWS.add(new Heading(1, text));
    }

    private static void opt(String shortName, String longName, int values, String... help) {
        Option o = new Option(shortName, longName, values, List.of(help), level);
        ROWS.add(o);
        if (shortName != null) {
            BY_NAME.put(shortName, o);
        }
        if (longName != null) {
            BY_NAME.put(longName, o);
        }
    }

    static {
        section("general options:");
        opt("-h", "--help", 0, "print this help text and exit");
        opt(null, "--version", 0, "print version information and exit");
        opt(null, "--arguments", 0, "print expanded command line arguments");
        opt("-q", "--quiet", 0, "quiet mode, print no warnings and errors");
        opt("-v", "--verbose", 0, "verbose mode, print processing details");
        opt("-d", "--debug", 0, "debug mode, print debug information");
        opt("-ll", "--log-level", 1, "[l]evel: string constant", "(fatal, error, warn, info, debug, trace)",
                "use level l for the logger");
        opt("-lc", "--log-config", 1, "[f]ilename: string", "use config file f for the logger",
                "(only its root logger level is honoured)");

        section("network options:");
        subsection("override matching keys:");
        opt("-k", "--key", 1, "[k]ey: gggg,eeee=\"str\", path or dict. name=\"str\"", "override matching key");
        subsection("query information model:");
        opt("-W", "--worklist", 0, "use modality worklist information model (def.)");
        opt("-P", "--patient", 0, "use patient root information model");
        opt("-S", "--study", 0, "use study root information model");
        opt("-O", "--psonly", 0, "use patient/study only information model");
        opt("-M", "--model", 1, "[n]ame: string (not in DCMTK)",
                "use information model n (dcm4che's names):", "PatientRoot, StudyRoot, PatientStudyOnly, MWL,",
                "GPWL, UPSPull, UPSWatch, UPSQuery,", "HangingProtocol, ColorPalette,",
                "GenericImplantTemplate, ImplantAssemblyTemplate,", "ImplantTemplateGroup, DefinedProcedureProtocol,",
                "ProtocolApproval, Inventory, or a SOP Class UID;", "without query file, starts from its usual keys");
        subsection("application entity titles:");
        opt("-aet", "--aetitle", 1, "[a]etitle: string", "set my calling AE title (default: FINDSCU)");
        opt("-aec", "--call", 1, "[a]etitle: string", "set called AE title of peer (default: ANY-SCP)");
        subsection("post-1993 value representations:");
        opt("+u", "--enable-new-vr", 0, "enable support for new VRs (UN/UT) (default)");
        opt("-u", "--disable-new-vr", 0, "disable support for new VRs, convert to OB");
        subsection("proposed transmission transfer syntaxes:");
        opt("-x=", "--propose-uncompr", 0, "propose all uncompressed TS, explicit VR",
                "with local byte ordering first (default)");
        opt("-xe", "--propose-little", 0, "propose all uncompressed TS, explicit VR", "little endian first");
        opt("-xb", "--propose-big", 0, "propose all uncompressed TS, explicit VR", "big endian first");
        opt("-xd", "--propose-deflated", 0, "propose deflated explicit VR little endian TS",
                "and all uncompressed transfer syntaxes");
        opt("-xi", "--propose-implicit", 0, "propose implicit VR little endian TS only");
        subsection("deflate compression level (only with --propose-deflated):");
        opt("+cl", "--compression-level", 1, "[l]evel: integer (default: 6)",
                "0=uncompressed, 1=fastest, 9=best compression");
        subsection("other network options:");
        opt("-to", "--timeout", 1, "[s]econds: integer (default: unlimited)", "timeout for connection requests");
        opt("-ts", "--socket-timeout", 1, "[s]econds: integer (default: 60)", "timeout for network socket (0 for none)");
        opt("-ta", "--acse-timeout", 1, "[s]econds: integer (default: 30)", "timeout for ACSE messages");
        opt("-td", "--dimse-timeout", 1, "[s]econds: integer (default: unlimited)", "timeout for DIMSE messages");
        opt("-pdu", "--max-pdu", 1, "[n]umber of bytes: integer (4096..131072)",
                "set max receive pdu to n bytes (default: 16384)");
        opt(null, "--repeat", 1, "[n]umber: integer", "repeat n times");
        opt(null, "--abort", 0, "abort association instead of releasing it");
        opt(null, "--cancel", 1, "[n]umber: integer", "cancel after n responses (default: never)");
        // our additions (dcm4che's spellings): PS3.4 C.5.1.1, PS3.7 D.3.3.5-D.3.3.7
        subsection("extended negotiation (-P, -S, -O only; not in DCMTK):");
        opt(null, "--relational", 0, "request relational queries");
        opt(null, "--datetime", 0, "request combined date and time matching");
        opt(null, "--fuzzy", 0, "request fuzzy semantic matching of person names");
        opt(null, "--timezone", 0, "request timezone query adjustment");
        opt(null, "--multiframe", 0, "request enhanced multi-frame image conversion");
        opt(null, "--empty-value", 0, "request empty value matching");
        opt(null, "--multiple-value", 0, "request multiple value matching");
        opt(null, "--common-negotiation", 1, "[s]ervice class UID[,related SOP class UID...]",
                "send SOP class common extended negotiation",
                "for the proposed SOP class");
        subsection("user identity negotiation (not in DCMTK findscu):");
        opt(null, "--user", 1, "[u]ser name: string", "authenticate with user name u");
        opt(null, "--user-pass", 1, "[p]asscode: string, or @file (only with --user)",
                "authenticate with user name and passcode p");
        opt(null, "--user-jwt", 1, "[t]oken: string, or @file", "authenticate with JSON Web Token t");
        opt(null, "--user-saml", 1, "[a]ssertion: string, or @file", "authenticate with SAML assertion a");
        opt(null, "--user-kerberos", 1, "[f]ilename: string", "authenticate with the Kerberos ticket in file f");
        opt(null, "--user-rsp", 0, "request a positive response; fail without one");
        subsection("result caps (not in DCMTK):");
        opt(null, "--result-cap", 1, "[n]umber: integer",
                "split the query on a date range until each part", "has fewer than n matches (default: off)");
        opt(null, "--split-key", 1, "[k]ey: dict. name or path",
                "date key to split on (only with --result-cap;", "default: StudyDate, for MWL",
                "ScheduledProcedureStepStartDate)");
        opt(null, "--split-earliest", 1, "[d]ate: YYYYMMDD (default: 19000101)",
                "start of an open or missing split range");

        section("transport layer security (TLS) options:");
        subsection("transport protocol stack:");
        opt("-tls", "--disable-tls", 0, "use normal TCP/IP connection (default)");
        opt("+tls", "--enable-tls", 2, "[p]rivate key file, [c]ertificate file: string",
                "use authenticated secure TLS connection");
        opt("+tla", "--anonymous-tls", 0, "use secure TLS connection without certificate");
        subsection("private key password (only with --enable-tls):");
        opt("+ps", "--std-passwd", 0, "prompt user to type password on stdin (default)");
        opt("+pw", "--use-passwd", 1, "[p]assword: string", "use specified password");
        opt("-pw", "--null-passwd", 0, "use empty string as password");
        subsection("key and certificate file format:");
        opt("-pem", "--pem-keys", 0, "read keys and certificates as PEM file (default)");
        opt("-der", "--der-keys", 0, "read keys and certificates as DER file");
        subsection("certification authority:");
        opt("+cf", "--add-cert-file", 1, "[f]ilename: string", "add certificate file to list of certificates");
        opt("+cd", "--add-cert-dir", 1, "[d]irectory: string", "add certificates in d to list of certificates");
        opt("+crl", "--add-crl-file", 1, "[f]ilename: string", "add certificate revocation list file",
                "(implies --enable-crl-vfy)");
        opt("+crv", "--enable-crl-vfy", 0, "enable leaf CRL verification");
        opt("+cra", "--enable-crl-all", 0, "enable full chain CRL verification");
        subsection("security profile:");
        opt("+pg", "--profile-8996", 0, "BCP 195 RFC 8996 TLS Profile (default)");
        opt("+pm", "--profile-8996-mod", 0, "Modified BCP 195 RFC 8996 TLS Profile");
        opt("+py", "--profile-bcp195-nd", 0, "Non-downgrading BCP 195 TLS Profile (retired)");
        opt("+px", "--profile-bcp195", 0, "BCP 195 TLS Profile (retired)");
        opt("+pz", "--profile-bcp195-ex", 0, "Extended BCP 195 TLS Profile (retired)");
        opt("+pb", "--profile-basic", 0, "Basic TLS Secure Transport Connection Profile",
                "(retired)");
        opt("+pa", "--profile-aes", 0, "AES TLS Secure Transport Connection Profile",
                "(retired)");
        opt("+pn", "--profile-null", 0, "Authenticated unencrypted communication",
                "(retired, was used in IHE ATNA)");
        subsection("ciphersuite:");
        opt("+cc", "--list-ciphers", 0, "show list of supported TLS ciphersuites and exit");
        opt("+cs", "--cipher", 1, "[c]iphersuite name: string", "add ciphersuite to list of negotiated suites");
        subsection("server name indication:");
        opt(null, "--no-sni", 0, "do not use SNI (default)");
        opt(null, "--request-sni", 1, "[s]erver name: string", "request server name s");
        subsection("pseudo random generator:");
        opt("+rs", "--seed", 1, "[f]ilename: string", "seed random generator with contents of f");
        opt("+ws", "--write-seed", 0, "write back modified seed (only with --seed)");
        opt("+wf", "--write-seed-file", 1, "[f]ilename: string (only with --seed)", "write modified seed to file f");
        subsection("peer authentication:");
        opt("-rc", "--require-peer-cert", 0, "verify peer certificate, fail if absent (default)");
        opt("-ic", "--ignore-peer-cert", 0, "don't verify peer certificate");

        section("output options:");
        subsection("general:");
        opt("-od", "--output-directory", 1, "[d]irectory: string (default: \".\")",
                "write output files to existing directory d");
        subsection("automatic data correction:");
        opt("+dc", "--enable-correction", 0, "enable automatic data correction");
        opt("-dc", "--disable-correction", 0, "disable automatic data correction (default)");
        subsection("C-FIND responses:");
        opt("+sr", "--show-responses", 0, "always output responses to the logger");
        opt("-sr", "--hide-responses", 0, "do not output responses to the logger");
        opt("-L", "--print-short", 0, "print long tag values shortened (as dcmdump;", "not in DCMTK findscu)");
        opt("+L", "--print-all", 0, "print long tag values completely (no limit)");
        opt("+Lm", "--max-print-length", 1, "[n]umber: integer (default: 65536)",
                "print at most n characters of a value, then ...;", "exit code 6 if one was shortened (not in DCMTK)");
        opt("-X", "--extract", 0, "extract responses to DICOM file (rsp0001.dcm...)");
        opt("-Xx", "--extract-xml", 0, "extract responses to XML file (rsp0001.xml...)");
        opt("-Xs", "--extract-xml-single", 1, "[f]ilename: string", "extract all responses to given XML file f");
        opt("-J", "--extract-json", 0, "extract responses to DICOM JSON file",
                "(rsp0001.json..., PS3.18 F; not in DCMTK)");
        opt("-Xlo", "--limit-output", 1, "[n]umber: integer",
                "limit number of responses extracted to file to n", "(default: unlimited)");
    }

    private OptionTable() {
    }

    static List<Row> rows() {
        return Collections.unmodifiableList(ROWS);
    }

    /** The option spelled {@code name} (short or long), or null. */
    static Option find(String name) {
        return BY_NAME.get(name);
    }

    static List<Option> options() {
        List<Option> list = new ArrayList<>();
        for (Row r : ROWS) {
            if (r instanceof Option o) {
                list.add(o);
            }
        }
        return list;
    }
}
