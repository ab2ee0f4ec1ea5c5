// Placeholder until the golden corpus suite lands (the target is declared in Package.swift).
