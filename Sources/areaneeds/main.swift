import AreaNeedsCLI

AreaNeedsCommand.main()
