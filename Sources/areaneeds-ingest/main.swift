import AreaNeedsCLI

IngestCommand.main()
