package org.dossier.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.dossier.core.CaseLayout;
import org.dossier.core.DocumentId;

/**
 * Originals, stored under their SHA-256 and made read-only. Storing the same bytes twice keeps
 * one copy. Sources are only ever opened for reading.
 */
public final class EvidenceStore {
  private static final int BUFFER = 1 << 16;

  private final CaseLayout layout;

  public EvidenceStore(CaseLayout layout) {
    this.layout = layout;
  }

  /**
   * An original in the store.
   *
   * @param id its SHA-256
   * @param size bytes
   * @param added false when the store already held these bytes
   */
  public record Stored(DocumentId id, long size, boolean added) {}

  /** Copies {@code source} into the store, hashing it on the way. */
  public Stored copyIn(Path source) throws IOException {
    Path tmp = stagingFile();
    MessageDigest digest = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(source, StandardOpenOption.READ);
        OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
        size += n;
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return place(tmp, new DocumentId(HexFormat.of().formatHex(digest.digest())), size);
  }

  /** Moves a staged file (one the case itself wrote) into the store. */
  public Stored moveIn(Path staged) throws IOException {
    DocumentId id = hash(staged);
    return place(staged, id, Files.size(staged));
  }

  public Path path(DocumentId id) {
    return layout.original(id);
  }

  public boolean contains(DocumentId id) {
    return Files.exists(layout.original(id));
  }

  /** SHA-256 of a file, read once. */
  public static DocumentId hash(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
    return new DocumentId(HexFormat.of().formatHex(digest.digest()));
  }

  private Stored place(Path tmp, DocumentId id, long size) throws IOException {
    Path target = layout.original(id);
    if (Files.exists(target)) {
      Files.deleteIfExists(tmp);
      return new Stored(id, size, false);
    }
    Files.createDirectories(target.getParent());
    readOnly(tmp);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(tmp);
      return new Stored(id, size, false);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target);
    }
    return new Stored(id, size, true);
  }

  private Path stagingFile() throws IOException {
    Path dir = layout.tmp().resolve("evidence");
    Files.createDirectories(dir);
    return dir.resolve(UUID.randomUUID().toString());
  }

  private static void readOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setReadOnly();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
