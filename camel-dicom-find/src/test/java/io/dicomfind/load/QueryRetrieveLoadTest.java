package io.dicomfind.load;

import static io.dicomfind.load.EmbeddedScpLoadTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.QueryRetrieveScp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent clients × 100 queries against DCMTK's dcmqrscp (the harness's standard data: 20 patients, 40
 * studies), through the core API: every result set right, zero errors, and afterwards no socket of ours and no
 * dcmqrscp association process left. dcmqrscp forks a process per association and refuses more than its
 * MaxAssociations, so it is started with room for all 50.
 */
class QueryRetrieveLoadTest {
    static final int CLIENTS = 50;
    static final int QUERIES = 100;
    static final PacsData DATA = PacsData.standard();

    /** The studies of one patient (Study Root, STUDY level), or every tenth query all 40 studies. */
    static LoadRun.Check check(int client, int q) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        Set<String> expected;
        if (q % 10 == 9) {
            keys.setNull(Tag.PatientID, VR.LO);
            expected = DATA.studies().stream().map(PacsData.Study::uid).collect(Collectors.toSet());
        } else {
            PacsData.Patient p = DATA.patients().get((client * 3 + q) % DATA.patients().size());
            keys.setString(Tag.PatientID, VR.LO, p.id());
            expected = DATA.studies().stream().filter(s -> s.patient().equals(p)).map(PacsData.Study::uid)
                    .collect(Collectors.toSet());
        }
        return new LoadRun.Check(SopClasses.STUDY_ROOT_FIND, keys, expected, Tag.StudyInstanceUID);
    }

    @Test
    void fiftyClientsHundredQueriesEachAgainstDcmqrscp() throws Exception {
        try (QueryRetrieveScp scp = QueryRetrieveScp.start(CLIENTS + 10)) {
            AssociationConfig config = AssociationConfig.builder("127.0.0.1", scp.port())
                    .calledAeTitle(QueryRetrieveScp.AE_TITLE).callingAeTitle("LOAD")
                    .abstractSyntaxes(SopClasses.STUDY_ROOT_FIND).acseTimeout(Duration.ofSeconds(20))
                    .dimseTimeout(Duration.ofSeconds(20)).build();
            new LoadRun().run(config, 1, 1, 1, QueryRetrieveLoadTest::check, 30); // warm-up
            long fds = LoadRun.openFileDescriptors();

            LoadRun run = new LoadRun();
            run.run(config, CLIENTS, QUERIES, 50, QueryRetrieveLoadTest::check, 120);

            assertEquals(List.of(), run.failures, "no errors");
            assertEquals(0, run.wrongResults.get(), () -> String.join("\n", run.wrong));
            assertEquals(CLIENTS * QUERIES, run.queriesOk.get());
            assertEquals(CLIENTS * 2, run.associations.get());
            await(() -> LoadRun.openFileDescriptors() <= fds, "no socket of ours left open (fds back to " + fds
                    + ")");
            ProcessHandle dcmqrscp = ProcessHandle.of(scp.process().pid()).orElseThrow();
            await(() -> dcmqrscp.children().count() == 0, "every dcmqrscp association process ended");
        }
    }
}
