/**
 * Index on SolrCloud: {@link org.dossier.index.solr.SolrIndex}, the {@link
 * org.dossier.core.DocumentIndex} of a case created with {@code dossier init --index solr://...}
 * ({@link org.dossier.index.solr.SolrLocation}).
 *
 * <p>Solr stores and searches; Dossier decides what matches. Each analysed field arrives
 * pre-analysed by Dossier's own analyzers ({@link org.dossier.index.SearchAnalysis}), each query is
 * parsed by Dossier's parser and sent as the Lucene query it made ({@link
 * org.dossier.index.solr.SolrQueries}), and snippets are made by Dossier's highlighter from the
 * hits' stored texts, so the two indexes answer alike. The collection's configset (in the
 * resources beside this package) needs nothing beyond a stock Solr 9. Requests go over the JDK's
 * HTTP client (SolrJ's Jetty client would meet the workbench's Jetty 11 on one class path) to the
 * nodes named, or to the live nodes that the cluster's ZooKeeper ensemble lists when it is named
 * instead ({@code solr+zk://}); ZooKeeper is only read for those. Nodes named with {@code solrs://}
 * (or listed by a cluster whose {@code urlScheme} is {@code https}) are reached over HTTPS, their
 * certificates checked against the JVM's truststore and hosts. A Solr that asks for a user and
 * password gets them from the environment ({@link org.dossier.index.solr.SolrCredentials}).
 *
 * <p>May import: {@code org.dossier.core}, {@code org.dossier.index}, SolrJ, Lucene, Jackson.
 */
package org.dossier.index.solr;
