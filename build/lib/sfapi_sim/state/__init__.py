"""The simulator's in-memory world: files, jobs, tasks, accounts, status, transfers."""
