import RapportTUI
import CNCurses
