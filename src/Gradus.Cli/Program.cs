return Gradus.Cli.GradusCli.Run(args);
