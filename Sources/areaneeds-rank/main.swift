import AreaNeedsCLI

RankCommand.main()
