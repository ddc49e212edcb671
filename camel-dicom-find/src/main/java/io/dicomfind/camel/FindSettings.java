package io.dicomfind.camel;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What the network layer needs to open an association and run a C-FIND as findscu would, resolved for one exchange
 * or poll. Timeouts are null when unlimited.
 *
 * @param host            peer host name or address
 * @param port            peer TCP port
 * @param callingAeTitle  our AE title ({@code -aet})
 * @param calledAeTitle   the peer's AE title ({@code -aec})
 * @param sopClassUid     the FIND SOP class to propose ({@code -W -P -S -O} or any FIND UID)
 * @param proposal        transfer syntaxes to propose ({@code -x= -xe -xb -xd -xi})
 * @param deflateLevel    0-9, used with {@link ProposedTransferSyntaxes#Deflated} ({@code +cl})
 * @param enableNewVr     {@code +u}/{@code -u}: when false, UN/UT etc. are sent as OB as DCMTK does
 * @param connectTimeout  {@code -to}, null = unlimited
 * @param socketTimeout   {@code -ts}, null = none
 * @param acseTimeout     {@code -ta}
 * @param dimseTimeout    {@code -td}, null = unlimited
 * @param maxPduLength    {@code -pdu}: our maximum receive PDU length
 * @param abort           {@code --abort}: abort instead of releasing when the session closes
 * @param dataCorrection  {@code +dc}: repair what can be repaired in received data sets instead of failing
 * @param sslContext      TLS when not null
 */
public record FindSettings(String host, int port, String callingAeTitle, String calledAeTitle, String sopClassUid,
        ProposedTransferSyntaxes proposal, int deflateLevel, boolean enableNewVr, Duration connectTimeout,
        Duration socketTimeout, Duration acseTimeout, Duration dimseTimeout, int maxPduLength, boolean abort,
        boolean dataCorrection, SSLContext sslContext) {

    /** "CALLED@host:port", as the URI names the peer; used in messages. */
    public String peer() {
        return calledAeTitle + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same settings for another called AE title or SOP class (per-exchange overrides). */
    public FindSettings with(String calledAe, String sopClass) {
        return new FindSettings(host, port, callingAeTitle, calledAe, sopClass, proposal, deflateLevel, enableNewVr,
                connectTimeout, socketTimeout, acseTimeout, dimseTimeout, maxPduLength, abort, dataCorrection,
                sslContext);
    }
}
