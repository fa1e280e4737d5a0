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

  /** Its key for the analyst's judgements: the same claims give the same key in any run ({@link org.dossier.core.Judgement#factKey}). */
  public String key() {
    return org.dossier.core.Judgement.factKey(claims.stream()
        .map(c -> org.dossier.core.Judgement.claim(c.document(), c.span().start(), c.span().end())).toList());
  }

  /** The same fact with the status the analyst gave it, the stage's own reading kept in the explanation. */
  public Fact judged(org.dossier.core.Judgement j) {
    String when = j.at().toString().substring(0, 10);
    return new Fact(id, story, subject, property, j.value(), "Set to " + j.value() + " by " + j.user() + " on " + when
        + (j.reason().isBlank() ? "" : ": " + j.reason()) + ". The link stage found it " + status + ": " + explanation,
        claims);
  }
}
