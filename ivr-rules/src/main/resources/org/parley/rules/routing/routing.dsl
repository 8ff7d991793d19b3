# The routing language analysts write rules in (routing.dslr). Each line maps one English sentence
# to the DRL it stands for; {name} is a blank the analyst fills in.
[when]the caller wants to report a lost card=Understood( intent == "lost_stolen_card" )
[when]the caller wants "{intent}"=Understood( intent == "{intent}" )
[when]the caller was not understood=not Understood()
[when]the caller sounds upset=Sentiment( score <= -0.5 || callAverage <= -0.5 )
[when]the caller is a VIP customer=CustomerProfile( vip )
[when]nothing has decided the call yet=$d : Decision( !decided )
[then]route to the {queue} queue with priority {priority}=modify( $d ) \{ transfer( "{queue}", {priority}, "transfer-{queue}" ) \}
[then]put the caller through to a person with priority {priority}=modify( $d ) \{ transfer( "customer-service", {priority}, "transfer-agent" ) \}
