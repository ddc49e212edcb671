package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.FindInformationModel;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.FindRequest;
import io.dicomfind.dicom.scp.InformationModel;
import io.dicomfind.peers.QueryRetrieveScp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 item 4: {@code -M NAME} for every FIND SOP class. The embedded SCP serves Hanging Protocol, Color Palette
 * and UPS Pull (no real peer here serves them); DCMTK dcmqrscp checks the Q/R models' default identifiers; for every
 * model the A-ASSOCIATE-RQ in our {@code -d} log proposes its SOP Class.
 */
class FindscuModelTest {
    private static int tag(String keyword) {
        return io.dicomfind.dicom.data.ElementDictionary.standard().tagOf(keyword);
    }

    static EmbeddedFindScp scp;
    static QueryRetrieveScp dcmqrscp;
    static final List<FindRequest> RECEIVED = new CopyOnWriteArrayList<>();

    static Attributes item(int tag, VR vr, String value) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1." + value.length());
        a.setString(tag, vr, value);
        return a;
    }

    @BeforeAll
    static void start() throws Exception {
        scp = EmbeddedFindScp.builder().port(0)
                .serve(InformationModel.HANGING_PROTOCOL, List.of(item(tag("HangingProtocolName"), VR.SH, "CHEST PA"),
                        item(tag("HangingProtocolName"), VR.SH, "CT HEAD 3")))
                .serve(InformationModel.COLOR_PALETTE, List.of(item(tag("ContentLabel"), VR.CS, "HOT_IRON")))
                .serve(InformationModel.UPS_PULL, List.of(item(tag("ProcedureStepLabel"), VR.LO, "READ CT")))
                .statusOverride(r -> {
                    RECEIVED.add(r);
                    return null;
                }).start();
        dcmqrscp = QueryRetrieveScp.startEmpty();
    }

    @AfterAll
    static void stop() {
        if (scp != null) {
            scp.close();
        }
        if (dcmqrscp != null) {
            dcmqrscp.close();
        }
    }

    static CommandLineParserTest.Run ours(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-aec", scp.aeTitle(), scp.host(), Integer.toString(scp.port())));
        return CommandLineParserTest.Run.of(all.toArray(String[]::new));
    }

    static String proposed(String uid) {
        return "    Abstract Syntax: " + AssociateDump.uid(uid) + "\n";
    }

    @Test
    void hangingProtocolByNameWithItsKeysAndNoLevel() {
        RECEIVED.clear();
        CommandLineParserTest.Run r = ours("-d", "-M", "HangingProtocol", "-k", "HangingProtocolName=CHEST*");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(proposed(FindInformationModel.HANGING_PROTOCOL.sopClassUid())), r.err());
        assertEquals(1, RECEIVED.size());
        FindRequest q = RECEIVED.get(0);
        assertEquals(InformationModel.HANGING_PROTOCOL, q.model());
        assertFalse(q.identifier().contains(Tag.QueryRetrieveLevel), "no level in a Hanging Protocol identifier");
        assertEquals("CHEST*", q.identifier().getString(tag("HangingProtocolName")), "-k overrides the model's key");
        assertTrue(q.identifier().contains(tag("HangingProtocolCreator")), "the model's usual return keys are sent");
        assertTrue(r.err().contains("CHEST PA") && !r.err().contains("CT HEAD 3"), r.err());
    }

    @Test
    void colorPaletteAndUpsPullAreAnsweredCaseInsensitively() {
        RECEIVED.clear();
        CommandLineParserTest.Run cp = ours("+sr", "-M", "colorpalette");
        assertEquals(0, cp.code(), cp.err());
        assertTrue(cp.err().contains("HOT_IRON"), cp.err());
        CommandLineParserTest.Run ups = ours("+sr", "--model", "UPSPull");
        assertEquals(0, ups.code(), ups.err());
        assertTrue(ups.err().contains("READ CT"), ups.err());
        assertEquals(List.of(InformationModel.COLOR_PALETTE, InformationModel.UPS_PULL),
                RECEIVED.stream().map(FindRequest::model).toList());
        assertTrue(RECEIVED.get(1).identifier().contains(tag("ProcedureStepState")));
    }

    @ParameterizedTest
    @EnumSource(FindInformationModel.class)
    void everyModelIsProposedUnderItsOwnSopClass(FindInformationModel m) {
        CommandLineParserTest.Run r = ours("-d", "-M", m.modelName());
        assertTrue(r.err().contains(proposed(m.sopClassUid())), r.err());
        boolean served = List.of(FindInformationModel.HANGING_PROTOCOL, FindInformationModel.COLOR_PALETTE,
                FindInformationModel.UPS_PULL).contains(m);
        if (!served && m != FindInformationModel.MWL && !m.hasQueryRetrieveLevel()) {
            assertEquals(ExitCodes.ASSOCIATION, r.code(), r.err());
            assertTrue(r.err().contains("F: No Acceptable Presentation Contexts") && r.err().contains(
                    m.sopClassName() + " (" + m.sopClassUid() + "): abstract-syntax-not-supported"), r.err());
        }
    }

    @Test
    void anUnknownUidIsProposedRawAndABadNameListsTheNames() {
        CommandLineParserTest.Run raw = ours("-d", "-M", "1.2.826.0.1.3680043.2.1143.999.1", "-k", "SOPInstanceUID");
        assertEquals(ExitCodes.ASSOCIATION, raw.code(), raw.err());
        assertTrue(raw.err().contains(proposed("1.2.826.0.1.3680043.2.1143.999.1")), raw.err());
        CommandLineParserTest.Run bad = ours("-M", "HangingProtocols");
        assertEquals(ExitCodes.COMMAND_LINE, bad.code(), bad.err());
        assertTrue(bad.err().contains("Invalid value for option --model (HangingProtocols); allowed: PatientRoot,"
                + " StudyRoot,") && bad.err().contains("Inventory or a SOP Class UID"), bad.err());
    }

    @Test
    void aLevelWhereTheModelHasNoneIsAWarning() {
        CommandLineParserTest.Run r = ours("-M", "HangingProtocol", "-k", "QueryRetrieveLevel=STUDY");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("W: Query/Retrieve Level (0008,0052) does not belong in a HangingProtocol"
                + " identifier (Hanging Protocol Information Model - FIND has no levels) (query (keys))"), r.err());
    }

    @Test
    void queryRetrieveModelsStartAtTheirDefaultLevelAgainstDcmqrscp() {
        for (String name : List.of("StudyRoot", "PatientRoot", "PatientStudyOnly")) {
            CommandLineParserTest.Run r = CommandLineParserTest.Run.of("-v", "-M", name, "-aec",
                    dcmqrscp.calledAeTitle(), dcmqrscp.host(), Integer.toString(dcmqrscp.port()));
            assertEquals(0, r.code(), name + ": " + r.err());
            FindInformationModel m = FindInformationModel.forName(name);
            assertTrue(r.err().contains("(0008,0052) CS [" + m.defaultLevel() + "]"), r.err());
            assertTrue(r.err().contains("PatientID"), r.err());
            assertFalse(r.err().contains("W: "), r.err());
        }
        CommandLineParserTest.Run noLevel = CommandLineParserTest.Run.of("-M", "StudyRoot", "-k",
                "QueryRetrieveLevel=PATIENT", "-aec", dcmqrscp.calledAeTitle(), dcmqrscp.host(),
                Integer.toString(dcmqrscp.port()));
        assertTrue(noLevel.err().contains("W: Query/Retrieve Level (0008,0052) 'PATIENT' is not a level of"
                + " StudyRoot ([STUDY, SERIES, IMAGE])"), noLevel.err());
        assertEquals(0, noLevel.code(), "sent anyway; the empty dcmqrscp answers Success: " + noLevel.err());
    }
}
