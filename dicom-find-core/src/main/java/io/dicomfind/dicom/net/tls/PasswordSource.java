package io.dicomfind.dicom.net.tls;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Where the password of an encrypted private key comes from ({@code +ps}, {@code +pw}, {@code -pw}). Asked only when
 * the key file is encrypted.
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password for {@code keyFile} (a description of the file, for a prompt). */
    char[] password(String keyFile) throws IOException;

    /** {@code +pw}: this password. */
    static PasswordSource of(char[] password) {
        char[] copy = password.clone();
        return f -> copy.clone();
    }

    /** {@code +pw}: this password. */
    static PasswordSource of(String password) {
        return of(password.toCharArray());
    }

    /** {@code -pw}: the empty password. */
    static PasswordSource empty() {
        return f -> new char[0];
    }

    /**
     * {@code +ps} (default): ask on the console without echo; without a console, read one line from standard input.
     */
    static PasswordSource prompt() {
        return f -> {
            Console c = System.console();
            if (c != null) {
                char[] pw = c.readPassword("Enter the password of private key file %s: ", f);
                if (pw == null) {
                    throw new IOException("no password entered for private key file " + f + " (end of input)");
                }
                return pw;
            }
            System.err.print("Enter the password of private key file " + f + ": ");
            System.err.flush();
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
            String line = r.readLine();
            if (line == null) {
                throw new IOException("no password entered for private key file " + f + " (end of standard input; "
                        + "use +pw or -pw when not interactive)");
            }
            return line.toCharArray();
        };
    }
}
