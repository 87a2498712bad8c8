import RapportCore
import GRDB
