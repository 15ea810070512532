import AreaNeedsCLI

NormaliseCommand.main()
