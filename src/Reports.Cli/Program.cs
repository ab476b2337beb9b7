using Reports.Cli;

return new ReportsCommand(TimeProvider.System, Console.Out, Console.Error).Invoke(args);
