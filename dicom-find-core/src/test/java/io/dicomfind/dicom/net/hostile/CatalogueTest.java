package io.dicomfind.dicom.net.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The catalogue is the docs' table: rows 1..92 in order, each once. */
class CatalogueTest {
    @Test
    void behavioursAreNumberedOneToNinetyTwoInOrder() {
        HostileBehaviour[] all = HostileBehaviour.values();
        assertEquals(92, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i + 1, all[i].number(), all[i].name());
        }
        assertEquals(java.util.List.of(24, 25, 26, 44, 45, 68, 69, 70, 71, 72, 92),
                Arrays.stream(all).filter(HostileBehaviour::tolerated).map(HostileBehaviour::number).toList(),
                "tolerated behaviours");
    }
}
