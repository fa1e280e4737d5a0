package org.dossier.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    // every subcommand answers --help and --version
    scope = ScopeType.INHERIT,
    version = "dossier 0.1.0",
    description = "Turns a leaked document cache and its press coverage into verified, cited findings.",
    subcommands = {
      InitCommand.class,
      IngestCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      StatusCommand.class,
      AnalyzeCommand.class,
      EntitiesCommand.class,
      StoriesCommand.class,
      FactsCommand.class,
      SourcesCommand.class,
      TimelineCommand.class,
      CoverageCommand.class,
      ReportCommand.class,
      ExportCommand.class,
      RegisterCommand.class,
      VerifyCommand.class,
      DiffCommand.class,
      CustodyCommand.class,
      ServeCommand.class,
      MarkCommand.class,
      MarkCommand.ListCommand.class,
      SavedCommand.class,
      UserCommand.class,
      WorkerCommand.class,
      QueueCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class DossierCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--case",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "The case folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "dossier-case")
  Path caseDir;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (try --help)");
  }
}
