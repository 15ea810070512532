import AreaNeedsCLI

PublishCommand.main()
