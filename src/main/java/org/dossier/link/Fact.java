package org.dossier.link;

import java.util.List;
import java.util.Objects;

/**
 * Claims of one story about the same thing, and whether they agree.
 *
 * @param id stable within one run of the link stage: {@code F1}, {@code F2} ...
 * @param story the story's id
 * @param status {@code agree}, {@code conflict}, {@code divergent} or {@code single}
 * @param explanation why, in a sentence
 */
public record Fact(String id, String story, String subject, String property, String status,
    String explanation, List<Claim> claims) {
  public Fact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    claims = List.copyOf(claims);
  }
}
