package org.dossier.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of some packages' classes and resources where this process loaded them from (its jar,
 * or a folder of classes): what a result kept by another build (a document's reading, a report)
 * was made by, when the code may make it otherwise though no version number changed.
 */
public final class CodeDigest {
  private CodeDigest() {}

  /**
   * The digest of the packages ({@code "org/dossier/link/"}) beside {@code anchor}'s class; a
   * process that cannot read its own code gets a digest of its own, so that it takes nothing
   * another process kept.
   */
  public static String of(Class<?> anchor, List<String> packages) {
    try {
      Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      SortedMap<String, byte[]> parts = new TreeMap<>();
      if (Files.isDirectory(where)) {
        for (String pkg : packages) {
          Path dir = where.resolve(pkg);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
              for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                parts.put(where.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
              }
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(where.toFile())) {
          for (JarEntry e : Collections.list(jar.entries())) {
            if (!e.isDirectory() && packages.stream().anyMatch(e.getName()::startsWith)) {
              try (InputStream in = jar.getInputStream(e)) {
                parts.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
      if (parts.isEmpty()) {
        throw new IOException("no classes of " + packages + " under " + where);
      }
      Sha256.Parts sha = new Sha256.Parts();
      parts.forEach((name, bytes) -> sha.add(name).add(bytes));
      return sha.hex();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "this-process-" + UUID.randomUUID();
    }
  }
}
