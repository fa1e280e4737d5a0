package org.dossier.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dossier.pipeline.Accounts;
import org.dossier.pipeline.CaseFolder;
import org.dossier.store.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "user",
    description = {
      "Manages the workbench's users of a case: each with a password and a role (owner, editor or",
      "reader), and API tokens for scripts. A case with users asks every visitor to log in; one",
      "without is served in single-user mode. Every change is in the custody log."
    },
    subcommands = {
      UserCommand.AddCommand.class,
      UserCommand.RoleCommand.class,
      UserCommand.ListCommand.class,
      UserCommand.TokenCommand.class,
    })
final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to do: add, role, list or token");
  }

  static Accounts.Role role(CommandSpec spec, String code) {
    try {
      return Accounts.Role.of(code);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--role must be owner, editor or reader, got " + code);
    }
  }

  static void name(CommandSpec spec, String name) {
    if (!Accounts.NAME.matcher(name).matches()) {
      throw new ParameterException(spec.commandLine(), "a user's name is 1 to 64 of a-z, 0-9, '.', '_' and '-'; got " + name);
    }
  }

  @Command(name = "add", description = "Adds a user with a role; the password is read from standard input (one line).")
  static final class AddCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name (a-z, 0-9, '.', '_', '-').") String user;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "owner, editor or reader.") String role;

    @Override
    public Integer call() throws Exception {
      name(spec, user);
      Accounts.Role r = role(spec, role);
      // one line from standard input: "printf '%s\n' \"$PASSWORD\" | dossier user add NAME --role editor"
      String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (password == null || password.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "give the password on standard input (one line)");
      }
      if (password.length() < Accounts.MIN_PASSWORD) {
        throw new ParameterException(spec.commandLine(), "a password has at least " + Accounts.MIN_PASSWORD + " characters");
      }
      try (CaseFolder folder = options.openExisting()) {
        Accounts.add(folder, user, r, password);
      }
      spec.commandLine().getOut().println("User " + user + " added as " + r.code() + ".");
      return 0;
    }
  }

  @Command(name = "role", description = "Changes a user's role.")
  static final class RoleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.") String user;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "owner, editor or reader.") String role;

    @Override
    public Integer call() throws Exception {
      name(spec, user);
      Accounts.Role r = role(spec, role);
      try (CaseFolder folder = options.openExisting()) {
        Accounts.setRole(folder, user, r);
      }
      spec.commandLine().getOut().println("User " + user + " is now " + r.code() + ".");
      return 0;
    }
  }

  @Command(name = "list", description = "Lists the users: name, role, when added, how many tokens (never a hash).")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;

    @Override
    public Integer call() throws Exception {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (CaseFolder folder = options.openExisting()) {
        Map<String, Long> tokens = folder.store().users().tokenCounts();
        for (UserStore.Account a : folder.store().users().all()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", a.name());
          m.put("role", a.role());
          m.put("created", a.created().toString());
          m.put("tokens", tokens.getOrDefault(a.name(), 0L));
          rows.add(m);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        Json.print(out, Map.of("users", rows));
        return 0;
      }
      if (rows.isEmpty()) {
        out.println("No users: the workbench serves this case in single-user mode. Add one with 'dossier user add'.");
      }
      for (Map<String, Object> r : rows) {
        out.printf(Locale.ROOT, "%-20s %-7s %s  %s token%s%n", r.get("name"), r.get("role"),
            String.valueOf(r.get("created")).substring(0, 16).replace('T', ' '), r.get("tokens"),
            Long.valueOf(1).equals(r.get("tokens")) ? "" : "s");
      }
      return 0;
    }
  }

  @Command(name = "token", description = "Issues an API token to a user and prints it once (scripts send it as"
      + " 'Authorization: Bearer TOKEN').")
  static final class TokenCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CaseOptions options;
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.") String user;
    @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for.") String label = "";

    @Override
    public Integer call() throws Exception {
      name(spec, user);
      String token;
      try (CaseFolder folder = options.openExisting()) {
        token = Accounts.issueToken(folder, user, label.strip());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (options.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user);
        m.put("label", label.strip());
        m.put("token", token);
        Json.print(out, m);
      } else {
        out.println(token);
        spec.commandLine().getErr().println("This token is shown once; Dossier keeps only its hash.");
      }
      return 0;
    }
  }
}
