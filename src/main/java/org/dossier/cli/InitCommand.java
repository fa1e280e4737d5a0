package org.dossier.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dossier.core.CaseLayout;
import org.dossier.index.solr.SolrCredentials;
import org.dossier.index.solr.SolrLocation;
import org.dossier.pipeline.CaseFolder;
import org.dossier.pipeline.CaseSettings;
import org.dossier.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    description = {
      "Creates a case and chooses its store and index, once: SQLite in the case folder (the default) or",
      "a schema of its own on a PostgreSQL server; Lucene in the case folder (the default) or a",
      "collection of its own on SolrCloud. Every later command on the case then uses them. 'ingest'",
      "creates a SQLite case with a Lucene index by itself; init is needed only for another store or index."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CaseOptions options;

  @Option(names = "--store", paramLabel = "URL",
      description = {"sqlite (the default), or postgresql://HOST:PORT/DB?user=NAME (or a jdbc:postgresql: URL;",
        "currentSchema=NAME to name the case's schema, else dossier_<case id>). The password comes",
        "from the environment variable " + StoreLocation.PASSWORD_VARIABLE + ", never from the URL."})
  String store;

  @Option(names = "--index", paramLabel = "URL",
      description = {"lucene (the default: the index in the case folder), or a collection of the case's own on",
        "SolrCloud: solr://HOST:PORT[,HOST:PORT...][/solr]?collection=NAME&shards=N&replicas=N (Solr nodes),",
        "solrs://... (the same, over HTTPS), or solr+zk://ZKHOST:PORT[,ZKHOST:PORT...][/CHROOT]?collection=...",
        "(the cluster's ZooKeeper, which says whether its nodes are on HTTPS; a solr:// URL whose every host",
        "is on port 2181 is read so too). The collection dossier_<case id> unless named, 1 shard and 1",
        "replica unless given. init creates the collection and refuses a server it cannot reach. Over HTTPS",
        "the nodes' certificates must be trusted by Java (its cacerts, or a truststore named with",
        "DOSSIER_JAVA_OPTS='-Djavax.net.ssl.trustStore=PATH -Djavax.net.ssl.trustStorePassword=PASSWORD')",
        "and name the hosts as the URL does. A Solr that asks for a user and password gets them from",
        SolrCredentials.USER + " and " + SolrCredentials.PASSWORD + ", or " + SolrCredentials.FILE
            + " (a file: user:password), never from the URL."})
  String index;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CaseSettings created = CaseFolder.create(options.caseDir(), Optional.ofNullable(store), Optional.ofNullable(index),
        Clock.systemUTC());
    String where = created.store() instanceof StoreLocation.Postgres ? "postgresql" : "sqlite";
    String indexKind = created.index().isPresent() ? "solr" : "lucene";
    String indexWhere = created.index().map(SolrLocation::describe)
        .orElse(new CaseLayout(options.caseDir()).index().toAbsolutePath().normalize().toString());
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("case", options.caseDir().toAbsolutePath().normalize().toString());
      json.put("id", created.id());
      json.put("store", where);
      json.put("location", created.store().describe());
      json.put("index", indexKind);
      json.put("index_location", indexWhere);
      Json.print(out, json);
    } else {
      out.printf(Locale.ROOT, "Created the case %s (id %s)%n", options.caseDir().toAbsolutePath().normalize(),
          created.id());
      out.printf(Locale.ROOT, "  store      %s: %s%n", where, created.store().describe());
      out.printf(Locale.ROOT, "  index      %s: %s%n", indexKind, indexWhere);
      out.println("Next: dossier ingest PATH   (every command on this case uses this store and index)");
    }
    return 0;
  }
}
