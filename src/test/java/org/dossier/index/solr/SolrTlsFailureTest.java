package org.dossier.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.security.KeyManagementException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.solr.client.solrj.SolrServerException;
import org.junit.jupiter.api.Test;

/**
 * What {@link SolrIndex#tlsFailure} tells the user, for failures shaped as the JDK's HTTP client
 * and SolrJ's load balancer raise them (seen against a TLS cluster and a plain one): each names
 * what is wrong; other failures are left to the messages there were.
 */
class SolrTlsFailureTest {
  private static final SolrLocation TLS = SolrLocation.parse("solrs://127.0.0.1:8443/solr?collection=c", "c0ffee");
  private static final SolrLocation PLAIN = SolrLocation.parse("solr://127.0.0.1:8983/solr?collection=c", "c0ffee");
  private static final SolrLocation ZK = SolrLocation.parse("solr+zk://127.0.0.1:2181/solr?collection=c", "c0ffee");

  /** As SolrJ's load balancer raises a failure of every node. */
  private static SolrServerException balanced(Throwable cause) {
    return new SolrServerException("No live SolrServers available to handle this request", cause);
  }

  private static String told(SolrLocation location, Throwable e) {
    return SolrIndex.tlsFailure(location, e).orElseThrow(() -> new AssertionError("nothing told for " + e));
  }

  @Test
  void eachTlsFailureIsToldInWords() {
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("PKIX path building failed",
        new CertPathBuilderException("unable to find valid certification path to requested target")));
    String u = told(TLS, balanced(untrusted));
    assertTrue(u.startsWith("Solr at " + TLS.describe() + " presented a certificate that Java does not trust"
        + " (unable to find valid certification path to requested target): "), u);
    assertTrue(System.getProperty("javax.net.ssl.trustStore") != null
        || u.contains(SolrIndex.TRUST_STORE_OPTIONS), u);

    SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
    expired.initCause(new CertPathValidatorException("validity check failed",
        new CertificateExpiredException("NotAfter: Tue Jan 02 00:00:00 UTC 2024")));
    assertTrue(told(TLS, balanced(expired)).endsWith("it is out of its dates of validity"));

    SSLHandshakeException misnamed = new SSLHandshakeException("No name matching solr-desk.example found");
    misnamed.initCause(new CertificateException("No name matching solr-desk.example found"));
    assertTrue(told(TLS, balanced(misnamed)).contains("presented a certificate that does not name the host as the URL"
        + " does (No name matching solr-desk.example found): name each node as its certificate does"));

    // the JVM's default SSLContext fails when its truststore cannot be opened (a wrong password, say)
    IOException store = new IOException(new KeyManagementException("problem accessing trust store"));
    assertTrue(told(TLS, balanced(store)).startsWith("cannot read the truststore "));
    assertTrue(told(TLS, balanced(store)).contains("problem accessing trust store"));

    // solrs:// to a node over plain HTTP
    SSLException plaintext = new SSLException("Unrecognized SSL message, plaintext connection?");
    assertEquals(Optional.of("the TLS handshake with Solr at " + TLS.describe() + " failed (Unrecognized SSL message,"
        + " plaintext connection?): does every node named answer over HTTPS? Nodes over plain HTTP are named with"
        + " solr://"), SolrIndex.tlsFailure(TLS, balanced(plaintext)));
    assertTrue(told(ZK, balanced(plaintext)).endsWith("does every node answer over HTTPS, as the cluster's urlScheme"
        + " says?"));

    // solr:// to a node over HTTPS: the JDK's client quotes the TLS alert it got for a status line
    IOException alert = new IOException("parsing HTTP/1.1 status line, receiving [\u0015\u0003\u0003\u0000\u0002\u0002P],"
        + " parser state [STATUS_LINE]", new EOFException("EOF reached while reading"));
    assertEquals(Optional.of("Solr at " + PLAIN.describe() + " answered in TLS to plain HTTP: name nodes that answer"
        + " over HTTPS with solrs://"), SolrIndex.tlsFailure(PLAIN, balanced(alert)));
    assertTrue(told(ZK, balanced(alert)).endsWith("the cluster's urlScheme property should say https"));
  }

  @Test
  void otherFailuresAreNotTakenForTls() {
    assertEquals(Optional.empty(), SolrIndex.tlsFailure(TLS, balanced(new ConnectException("Connection refused"))));
    assertEquals(Optional.empty(), SolrIndex.tlsFailure(PLAIN, balanced(new IOException("parsing HTTP/1.1 status line,"
        + " receiving [garbage], parser state [STATUS_LINE]", new EOFException("EOF reached while reading")))));
    assertEquals(Optional.empty(), SolrIndex.tlsFailure(PLAIN, new SolrServerException("Timeout occurred")));
  }
}
