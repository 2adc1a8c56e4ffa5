using AgentCoreLint.Cli;

CommandLine.StartWarmUp(args);
return CommandLine.Run(args, Console.Out, Console.Error);
