package io.dicomfind.camel;

import io.dicomfind.dicom.net.AssociationConfig;

/**
 * What one exchange or poll needs to open its association: the network layer's {@link AssociationConfig} (peer, AE
 * titles, timeouts, PDU size, transfer syntax proposal, TLS socket factory, new VRs), whose first abstract syntax is
 * the FIND SOP class to query, and how to end the association.
 *
 * @param association the association to request; {@code abstractSyntaxes().get(0)} is the FIND SOP class
 * @param abort       findscu {@code --abort}: abort instead of releasing when the session closes
 */
public record FindSettings(AssociationConfig association, boolean abort) {

    /** The FIND SOP class to query ({@code -W -P -S -O} or any FIND UID). */
    public String sopClassUid() {
        return association.abstractSyntaxes().get(0);
    }

    public String calledAeTitle() {
        return association.calledAeTitle();
    }

    /** "CALLED@host:port", as the URI names the peer; used in messages. */
    public String peer() {
        String host = association.host();
        return calledAeTitle() + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + association.port();
    }

    /** The same settings for another called AE title or SOP class (per-exchange overrides). */
    public FindSettings with(String calledAe, String sopClass) {
        // a common extended negotiation sub-item names the SOP class it is about: it follows the override
        java.util.List<io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation> common =
                association.commonExtendedNegotiations().stream().map(n -> new io.dicomfind.dicom.net.pdu
                        .CommonExtendedNegotiation(sopClass, n.serviceClassUid(), n.relatedGeneralSopClassUids()))
                        .toList();
        return new FindSettings(association.toBuilder().calledAeTitle(calledAe).abstractSyntaxes(sopClass)
                .commonExtendedNegotiations(common).build(), abort);
    }
}
