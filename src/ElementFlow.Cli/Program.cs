using ElementFlow.Cli;

// Composition lives in CliApp; this file only hands it the process's streams.
Console.OutputEncoding = System.Text.Encoding.UTF8;
return CliApp.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, ElementFlow.Cli.Progress.LiveProgress.ForTerminal());
